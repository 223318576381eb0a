package dev.drydock.core;

import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.error.ImageNotFoundException;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.Violations;
import dev.drydock.core.model.Channel;
import dev.drydock.core.model.ImageReference;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobSummary;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.ArtifactStore;
import dev.drydock.core.port.ImageRegistry;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entry point: runs the training workflow over four ports, whichever backend implements them.
 *
 * <ol>
 *   <li>makes the image available (build or find it, push it where the backend pulls from);</li>
 *   <li>uploads local inputs to the backend's storage;</li>
 *   <li>submits the job and follows its status and logs, reporting to a {@link JobListener};</li>
 *   <li>on success, downloads and extracts {@code model.tar.gz}.</li>
 * </ol>
 *
 * <p>Like the SageMaker Python SDK's {@code Estimator.fit}, but a job is a handle ({@link TrainingJob}) that can be
 * awaited, stopped, or attached to again from another process by name. The spec is validated whole before anything
 * is uploaded or started, so bad input changes nothing. Build one with {@link #builder()}, or get one from an
 * adapter module's wiring (the local and AWS Guice modules bind every port).
 *
 * <p>Thread-safe. {@link #close()} stops following jobs; it does not stop the jobs themselves.
 */
public final class Drydock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Drydock.class);

    private final ImageRegistry imageRegistry;
    private final Storage storage;
    private final TrainingBackend backend;
    private final ArtifactStore artifactStore;
    private final StorageUri stagingPrefix;
    private final StorageUri outputPath;
    private final Path workDirectory;
    private final PollPolicy pollPolicy;
    private final Set<TrainingJob> followed = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private Drydock(Builder b) {
        Violations v = new Violations();
        v.check(b.imageRegistry != null, "imageRegistry", null, "must be set (an ImageRegistry adapter)");
        v.check(b.storage != null, "storage", null, "must be set (a Storage adapter)");
        v.check(b.backend != null, "trainingBackend", null, "must be set (a TrainingBackend adapter)");
        v.check(b.artifactStore != null, "artifactStore", null, "must be set (an ArtifactStore adapter)");
        v.check(b.stagingPrefix != null, "stagingPrefix", null, "must be set: where local inputs are uploaded, such as s3://bucket/drydock/ or file:///tmp/drydock/");
        v.check(b.workDirectory != null, "workDirectory", null, "must be set: the local folder models are extracted into");
        if (!v.isEmpty()) {
            throw new ConfigurationException("drydock is not fully configured: " + new InvalidInputException(v.list()).getMessage());
        }
        this.imageRegistry = b.imageRegistry;
        this.storage = b.storage;
        this.backend = b.backend;
        this.artifactStore = b.artifactStore;
        this.stagingPrefix = b.stagingPrefix.asPrefix();
        this.outputPath = (b.outputPath == null ? this.stagingPrefix.resolve("models/") : b.outputPath).asPrefix();
        this.workDirectory = b.workDirectory.toAbsolutePath();
        this.pollPolicy = b.pollPolicy == null ? PollPolicy.local() : b.pollPolicy;
    }

    /** A builder; every port, the staging prefix and the work directory are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Prepares the image, uploads the local inputs, submits the job and starts following it.
     *
     * @throws InvalidInputException when the request breaks any rule (all of them are listed); nothing was uploaded
     *                               or started then
     * @throws IllegalStateException when this instance was closed
     */
    public TrainingJob submit(TrainingRequest request, JobListener listener) {
        Objects.requireNonNull(request, "request");
        requireOpen();
        JobListener events = SafeListener.wrap(listener);
        TrainingJobSpec.Builder spec = TrainingJobSpec.builder();
        request.spec().accept(spec);
        if (!spec.hasOutputPath()) {
            spec.outputPath(outputPath);
        }
        // Collect every fault of the request (name, local inputs, spec) before building, pushing or uploading
        // anything: bad input must change nothing, and the user fixes all of it in one go.
        Violations v = new Violations();
        JobName name = request.jobName() != null
                ? v.collect("", () -> JobName.of(request.jobName()))
                : JobName.generate(request.baseJobName() != null ? request.baseJobName() : request.image().reference().repository());
        // An invalid name is already reported; plan with a stand-in so the other checks still run.
        JobName planned = name != null ? name : JobName.generate("invalid");
        spec.name(planned);
        List<Upload> uploads = planUploads(planned, request.localInputs(), spec, v);
        spec.image(request.image().reference());
        v.collect("", spec::build);
        v.throwIfAny();

        events.onPhase(WorkflowPhase.PREPARING_IMAGE, request.image().reference().toString());
        spec.image(prepareImage(request.image()));
        TrainingJobSpec finalSpec = spec.build();

        if (!uploads.isEmpty()) {
            for (Upload upload : uploads) {
                events.onPhase(WorkflowPhase.UPLOADING_INPUTS, upload.path() + " -> " + upload.target());
                storage.put(upload.path(), upload.target());
            }
        }
        events.onPhase(WorkflowPhase.SUBMITTING, name.value());
        JobDescription first = backend.submit(finalSpec);
        events.onSubmitted(first);
        events.onPhase(WorkflowPhase.RUNNING, name.value());
        return follow(first, events);
    }

    /** {@link #submit(TrainingRequest, JobListener)} without a listener. */
    public TrainingJob submit(TrainingRequest request) {
        return submit(request, JobListener.none());
    }

    /**
     * Submits, waits at most {@code timeout} for the job to end, and returns its extracted model: the trained model
     * of a completed job, or the model a stopped job's container saved before it ended (as SageMaker keeps it).
     *
     * @throws dev.drydock.core.error.JobFailedException  when the job failed (with its failure reason)
     * @throws dev.drydock.core.error.JobStoppedException when it was stopped before its container saved a model
     * @throws dev.drydock.core.error.JobTimeoutException when it did not end in time (it goes on running)
     */
    public TrainedModel fit(TrainingRequest request, Duration timeout, JobListener listener) {
        TrainingJob job = submit(request, listener);
        job.await(timeout);
        return job.trainedModel();
    }

    /**
     * A handle on an existing job, by name, for example one submitted by another process.
     *
     * @throws dev.drydock.core.error.JobNotFoundException when the backend has no such job
     * @throws IllegalStateException                       when this instance was closed
     */
    public TrainingJob attach(String jobName, JobListener listener) {
        requireOpen();
        JobDescription current = backend.describe(JobName.of(jobName));
        return follow(current, SafeListener.wrap(listener));
    }

    /** The backend's most recent jobs, newest first. */
    public List<JobSummary> jobs(int max) {
        return backend.list(max);
    }

    /** The backend this instance runs jobs on. */
    public TrainingBackend backend() {
        return backend;
    }

    /** The local folder jobs' models are extracted into ({@code <workDirectory>/<job>/model}). */
    public Path workDirectory() {
        return workDirectory;
    }

    /**
     * Stops following every job (their threads end, and a pending {@link TrainingJob#await} throws); the jobs
     * themselves run on. Submitting or attaching afterwards is refused.
     */
    @Override
    public void close() {
        closed = true;
        followed.forEach(TrainingJob::stopFollowing);
        followed.clear();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this Drydock was closed: build a new one to submit or attach to jobs");
        }
    }

    private TrainingJob follow(JobDescription first, JobListener events) {
        TrainingJob job = new TrainingJob(first, backend, artifactStore, workDirectory.resolve(first.name().value()),
                pollPolicy, events, followed::remove);
        followed.add(job);
        job.startFollowing();
        if (closed) {
            // close() ran while this job was being submitted and may have missed it: it must not be followed forever.
            job.stopFollowing();
        }
        return job;
    }

    private ImageReference prepareImage(ImageSource source) {
        ImageReference image;
        if (source.build() != null) {
            image = imageRegistry.build(source.build());
        } else {
            image = imageRegistry.resolve(source.existing()).orElseThrow(() -> new ImageNotFoundException(
                    source.existing().toString(), "image " + source.existing() + " was not found by the "
                    + imageRegistry.getClass().getSimpleName() + ": build it first (ImageSource.build, or docker build -t "
                    + source.existing() + " <folder>), or check its name and tag"));
        }
        if (source.pushTarget() != null) {
            image = imageRegistry.push(image, source.pushTarget());
        }
        LOG.debug("training image ready: {}", image);
        return image;
    }

    private List<Upload> planUploads(JobName name, List<TrainingRequest.LocalInput> inputs, TrainingJobSpec.Builder spec,
                                     Violations v) {
        List<Upload> uploads = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            TrainingRequest.LocalInput input = inputs.get(i);
            Channel.Builder channel = input.channel();
            Path path = input.path().toAbsolutePath().normalize();
            if (!v.check(Files.exists(path), "inputs[" + i + "]." + channel.name(), path,
                    "must be an existing file or folder to upload (check the path, relative to " + Path.of("").toAbsolutePath() + ")")) {
                continue;
            }
            StorageUri prefix = stagingPrefix.resolve(name.value() + "/input/" + safeSegment(channel.name()) + "/");
            StorageUri target = Files.isDirectory(path) ? prefix : prefix.resolve(path.getFileName().toString());
            channel.source(prefix);
            spec.channel(channel);
            uploads.add(new Upload(path, target));
        }
        return uploads;
    }

    private static String safeSegment(String channelName) {
        // Channel names are validated later; keep an invalid one from breaking the URI before that report.
        return channelName == null || channelName.isEmpty() ? "channel" : channelName.replace('/', '_');
    }

    private record Upload(Path path, StorageUri target) {
    }

    /** Builds a {@link Drydock}. */
    public static final class Builder {
        private ImageRegistry imageRegistry;
        private Storage storage;
        private TrainingBackend backend;
        private ArtifactStore artifactStore;
        private StorageUri stagingPrefix;
        private StorageUri outputPath;
        private Path workDirectory;
        private PollPolicy pollPolicy;

        private Builder() {
        }

        /** Builds, finds and pushes images. */
        public Builder imageRegistry(ImageRegistry value) {
            this.imageRegistry = value;
            return this;
        }

        /** Holds uploaded inputs. */
        public Builder storage(Storage value) {
            this.storage = value;
            return this;
        }

        /** Runs the jobs. */
        public Builder trainingBackend(TrainingBackend value) {
            this.backend = value;
            return this;
        }

        /** Holds finished jobs' models. */
        public Builder artifactStore(ArtifactStore value) {
            this.artifactStore = value;
            return this;
        }

        /** Where local inputs are uploaded: {@code <prefix>/<job>/input/<channel>/}. */
        public Builder stagingPrefix(StorageUri value) {
            this.stagingPrefix = value;
            return this;
        }

        /** The default output path of jobs that set none ({@code <stagingPrefix>/models/} otherwise). */
        public Builder outputPath(StorageUri value) {
            this.outputPath = value;
            return this;
        }

        /** The local folder models are extracted into. */
        public Builder workDirectory(Path value) {
            this.workDirectory = value;
            return this;
        }

        /** How often job status is polled ({@link PollPolicy#local()} by default). */
        public Builder pollPolicy(PollPolicy value) {
            this.pollPolicy = value;
            return this;
        }

        /**
         * The configured instance.
         *
         * @throws ConfigurationException naming every missing part
         */
        public Drydock build() {
            return new Drydock(this);
        }
    }
}
