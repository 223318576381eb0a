package dev.drydock.core;

import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.error.ImageNotFoundException;
import dev.drydock.core.error.JobAlreadyExistsException;
import dev.drydock.core.error.JobNotFoundException;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.Violations;
import dev.drydock.core.model.Channel;
import dev.drydock.core.model.ImageReference;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobSummary;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.ArtifactStore;
import dev.drydock.core.port.ImageRegistry;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.core.tuning.LocalTuningBackend;
import dev.drydock.core.tuning.TuningBackend;
import dev.drydock.core.tuning.TuningJobDescription;
import dev.drydock.core.tuning.TuningJobName;
import dev.drydock.core.tuning.TuningJobSpec;
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
 * is uploaded or started, so bad input changes nothing. Get one on a {@link Backend} chosen by name
 * ({@link #on(Backend)}, {@link #named(String, BackendSettings)}, {@link #fromEnvironment()}), or assemble one from
 * ports with {@link #builder()}.
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
    private final Backend ownBackend;
    private final Backend origin;
    private final Set<TrainingJob> followed = ConcurrentHashMap.newKeySet();
    private final TuningBackend tuningBackend;
    private final Set<TuningJob> followedTunings = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private Drydock(Builder b) {
        Backend from = b.backend;
        // What the user set on the builder wins over the backend's value, whichever was called first.
        ImageRegistry registry = b.imageRegistry != null ? b.imageRegistry : from != null ? from.imageRegistry() : null;
        Storage store = b.storage != null ? b.storage : from != null ? from.storage() : null;
        TrainingBackend training = b.trainingBackend != null ? b.trainingBackend : from != null ? from.trainingBackend() : null;
        ArtifactStore artifacts = b.artifactStore != null ? b.artifactStore : from != null ? from.artifactStore() : null;
        StorageUri staging = b.stagingPrefix != null ? b.stagingPrefix : from != null ? from.stagingPrefix() : null;
        StorageUri output = b.outputPath != null ? b.outputPath : from != null ? from.defaultOutputPath() : null;
        Path work = b.workDirectory != null ? b.workDirectory : from != null ? from.workDirectory() : null;
        PollPolicy poll = b.pollPolicy != null ? b.pollPolicy : from != null ? from.pollPolicy() : PollPolicy.local();
        Violations v = new Violations();
        String fix = from == null ? " (or set a Backend: Drydock.on(Backends.named(\"process\")))" : "";
        v.check(registry != null, "imageRegistry", null, "must be set (an ImageRegistry adapter)" + fix);
        v.check(store != null, "storage", null, "must be set (a Storage adapter)" + fix);
        v.check(training != null, "trainingBackend", null, "must be set (a TrainingBackend adapter)" + fix);
        v.check(artifacts != null, "artifactStore", null, "must be set (an ArtifactStore adapter)" + fix);
        v.check(staging != null, "stagingPrefix", null, "must be set: where local inputs are uploaded, such as s3://bucket/drydock/ or file:///tmp/drydock/");
        v.check(work != null, "workDirectory", null, "must be set: the local folder models are extracted into");
        if (!v.isEmpty()) {
            throw new ConfigurationException("drydock is not fully configured: " + new InvalidInputException(v.list()).getMessage());
        }
        this.imageRegistry = registry;
        this.storage = store;
        this.backend = training;
        this.artifactStore = artifacts;
        this.stagingPrefix = staging.asPrefix();
        this.outputPath = (output == null ? this.stagingPrefix.resolve("models/") : output).asPrefix();
        this.workDirectory = work.toAbsolutePath();
        this.pollPolicy = poll;
        this.origin = from;
        this.ownBackend = b.closeBackend ? from : null;
        this.tuningBackend = from != null && b.trainingBackend == null ? from.tuningBackend()
                : LocalTuningBackend.over(training, this.workDirectory.resolve("tuning-jobs"));
    }

    /**
     * A {@link Drydock} on {@code backend}, which stays the caller's: {@link #close()} does not close it.
     *
     * <pre>{@code
     * try (Backend docker = Backends.named("docker"); Drydock drydock = Drydock.on(docker)) { ... }
     * }</pre>
     */
    public static Drydock on(Backend backend) {
        return builder().backend(java.util.Objects.requireNonNull(backend, "backend")).build();
    }

    /**
     * A {@link Drydock} on backend {@code name} built from {@code settings}; {@link #close()} closes it.
     *
     * @throws ConfigurationException as {@link Backends#named(String, BackendSettings)}
     */
    public static Drydock named(String name, BackendSettings settings) {
        return owning(Backends.named(name, settings));
    }

    /**
     * A {@link Drydock} on the backend that setting {@code backend} names ({@code process} by default), built from the
     * other settings (a properties file: {@link BackendSettings#load}); {@link #close()} closes it.
     */
    public static Drydock fromSettings(BackendSettings settings) {
        return owning(Backends.fromSettings(settings));
    }

    /** A {@link Drydock} on the backend {@code DRYDOCK_BACKEND} names ({@code process} by default); closes it. */
    public static Drydock fromEnvironment() {
        return owning(Backends.fromEnvironment());
    }

    private static Drydock owning(Backend backend) {
        try {
            return builder().backend(backend).closeBackend(true).build();
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /**
     * A builder: a {@link Backend} (or every port, the staging prefix and the work directory) is required; what is
     * set besides the backend replaces the backend's value.
     */
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
        TrainingJobSpec.Builder spec = request.specTemplate();
        if (!spec.hasOutputPath()) {
            spec.outputPath(outputPath);
        }
        // Collect every fault of the request (name, local inputs, spec) before building, pushing or uploading
        // anything: bad input must change nothing, and the user fixes all of it in one go.
        Violations v = new Violations();
        // What the request says itself must not also be said in the spec: neither may silently win.
        v.check(!spec.hasName(), "spec.name", null, "must not be set in the spec: name the job with TrainingRequest.jobName"
                + " (or baseJobName)");
        v.check(!spec.hasImage(), "spec.image", null, "must not be set in the spec: the image is TrainingRequest.image");
        for (TrainingRequest.LocalInput input : request.localInputs()) {
            v.check(!spec.channelNames().contains(input.channelName()), "channels." + input.channelName(), input.path(),
                    "is both a local input and a channel of the spec: keep one of them");
        }
        JobName name = request.jobName().isPresent()
                ? v.collect("", () -> JobName.of(request.jobName().get()))
                : JobName.generate(request.baseJobName().orElse(request.image().reference().repository()));
        // An invalid name is already reported; plan with a stand-in so the other checks still run.
        JobName planned = name != null ? name : JobName.generate("invalid");
        spec.name(planned);
        List<Upload> uploads = planUploads(planned, request.localInputs(), spec, v);
        spec.image(request.image().reference());
        TrainingJobSpec checked = v.collect("", spec::build);
        if (checked != null) {
            v.collect("", () -> {
                backend.check(checked);
                return null;
            });
        }
        v.throwIfAny();

        // A job of this name that exists already keeps its staged inputs: uploading over them would change what
        // that job trained on. The same spec (inputs included, by checksum) is then the same job, followed again;
        // another spec under that name is refused by the backend, and nothing was uploaded.
        JobDescription existing = request.jobName().isPresent() ? existingJob(name) : null;

        events.onPhase(WorkflowPhase.PREPARING_IMAGE, request.image().reference().toString());
        spec.image(prepareImage(request.image()));
        TrainingJobSpec finalSpec = spec.build();

        if (existing == null) {
            for (Upload upload : uploads) {
                events.onPhase(WorkflowPhase.UPLOADING_INPUTS, upload.path() + " -> " + upload.target());
                storage.put(upload.path(), upload.target());
            }
        }
        events.onPhase(WorkflowPhase.SUBMITTING, existing == null ? name.value()
                : name.value() + " (exists: following it if its spec is this one)");
        JobDescription first;
        try {
            first = backend.submit(finalSpec);
        } catch (JobAlreadyExistsException e) {
            throw new JobAlreadyExistsException(name.value(), "a training job named \"" + name.value() + "\" already exists"
                    + " with a different spec (its inputs, by checksum, or its settings differ); nothing was uploaded."
                    + " To follow that job, attach to it by name (drydock logs/describe " + name.value() + "); to run this"
                    + " one, choose another job name or leave the name out so that a unique one is generated", e);
        }
        events.onSubmitted(first);
        events.onPhase(WorkflowPhase.RUNNING, name.value());
        return follow(first, events);
    }

    private JobDescription existingJob(JobName name) {
        try {
            return backend.describe(name);
        } catch (JobNotFoundException e) {
            return null;
        }
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

    /**
     * The backend's most recent jobs, newest first.
     *
     * @param max at most this many, at least 1
     */
    public List<JobSummary> list(int max) {
        if (max < 1) {
            throw new InvalidInputException(List.of(new dev.drydock.core.error.Violation("max", String.valueOf(max), "must be at least 1")));
        }
        return backend.list(max);
    }

    /**
     * The job's current description.
     *
     * @throws dev.drydock.core.error.JobNotFoundException when the backend has no such job
     * @throws InvalidInputException                       when {@code jobName} is not a valid job name
     */
    public JobDescription describe(String jobName) {
        return backend.describe(JobName.of(jobName));
    }

    /**
     * The job's log events after {@code cursor} ({@link LogCursor#START} for the first page); the returned page
     * carries the cursor of the next call.
     *
     * @throws dev.drydock.core.error.JobNotFoundException when the backend has no such job
     */
    public LogPage logs(String jobName, LogCursor cursor) {
        return backend.readLogs(JobName.of(jobName), java.util.Objects.requireNonNull(cursor, "cursor"));
    }

    /**
     * A spot interruption drill on a running managed spot job with checkpoints: SIGTERM and the grace period, then the
     * job restarts under the same name on its checkpoints, as SageMaker restarts a job whose spot instance was
     * reclaimed. Its description shows the Interrupted transition and bills only the time its hosts ran.
     *
     * @throws dev.drydock.core.error.ConfigurationException when the backend cannot interrupt jobs (SageMaker)
     * @throws dev.drydock.core.error.InvalidInputException  when the job is not a running spot job with checkpoints
     * @throws dev.drydock.core.error.JobNotFoundException   when the backend has no such job
     */
    public void interrupt(String jobName) {
        backend.interrupt(JobName.of(jobName));
    }

    /**
     * Asks the job to stop (SIGTERM, then SIGKILL after the grace period), unless it has ended.
     *
     * @return {@code true} when a stop was requested, {@code false} when the job had already ended (nothing was sent;
     *         {@link #describe} says how it ended)
     * @throws dev.drydock.core.error.JobNotFoundException when the backend has no such job
     */
    public boolean stop(String jobName) {
        JobName name = JobName.of(jobName);
        if (backend.describe(name).state().isTerminal()) {
            return false;
        }
        backend.stop(name);
        return true;
    }

    /**
     * Starts a tuning job: validates the request whole (nothing is uploaded or started on a fault), prepares the image
     * and uploads the local inputs once, then submits the tuning job to the backend's {@link Backend#tuningBackend()}
     * and follows it. Submitting the same request under the same tuning job name again follows (and locally resumes)
     * that job.
     *
     * @throws InvalidInputException when the request breaks any rule (all of them are listed)
     */
    public TuningJob tune(TuningRequest request, TuningListener listener) {
        Objects.requireNonNull(request, "request");
        requireOpen();
        TuningJobSpec spec = TuningWorkflow.prepare(this, tuningBackend, request);
        return followTuning(tuningBackend.submit(spec), listener);
    }

    /** {@link #tune(TuningRequest, TuningListener)} without a listener. */
    public TuningJob tune(TuningRequest request) {
        return tune(request, TuningListener.none());
    }

    /**
     * A handle on an existing tuning job, by name, for example one another process started.
     *
     * @throws dev.drydock.core.tuning.TuningJobNotFoundException when the backend has no such tuning job
     */
    public TuningJob attachTuning(String tuningJobName, TuningListener listener) {
        requireOpen();
        return followTuning(tuningBackend.describe(TuningJobName.of(tuningJobName)), listener);
    }

    /**
     * The tuning job's description, trials included.
     *
     * @throws dev.drydock.core.tuning.TuningJobNotFoundException when the backend has no such tuning job
     */
    public TuningJobDescription describeTuning(String tuningJobName) {
        return tuningBackend.describe(TuningJobName.of(tuningJobName));
    }

    /**
     * Asks the tuning job to stop, unless it has ended.
     *
     * @return whether a stop was requested
     */
    public boolean stopTuning(String tuningJobName) {
        TuningJobName name = TuningJobName.of(tuningJobName);
        if (tuningBackend.describe(name).status().isTerminal()) {
            return false;
        }
        tuningBackend.stop(name);
        return true;
    }

    private TuningJob followTuning(TuningJobDescription first, TuningListener listener) {
        TuningJob job = new TuningJob(first, tuningBackend, backend, artifactStore, workDirectory, pollPolicy,
                listener == null ? TuningListener.none() : listener, followedTunings::remove);
        followedTunings.add(job);
        job.startFollowing();
        if (closed) {
            job.stopFollowing();
        }
        return job;
    }

    StorageUri outputPath() {
        return outputPath;
    }

    Storage storage() {
        return storage;
    }

    /** The name of the backend this instance runs on, as {@link Backends} knows it, or the training port's name. */
    public String backendName() {
        return origin != null ? origin.name() : backend.name();
    }

    /** The local folder jobs' models are extracted into ({@code <workDirectory>/<job>/model}). */
    public Path workDirectory() {
        return workDirectory;
    }

    /**
     * Stops following every job (their threads end, and a pending {@link TrainingJob#await} throws); the jobs
     * themselves run on. Closes the backend when this instance made it ({@link #named}, {@link #fromEnvironment},
     * {@link Builder#closeBackend}). Submitting or attaching afterwards is refused.
     */
    @Override
    public void close() {
        closed = true;
        followed.forEach(TrainingJob::stopFollowing);
        followed.clear();
        followedTunings.forEach(TuningJob::stopFollowing);
        followedTunings.clear();
        if (ownBackend != null) {
            ownBackend.close();
        }
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

    ImageReference prepareImage(ImageSource source) {
        ImageReference image;
        if (source instanceof ImageSource.Built built) {
            image = imageRegistry.build(built.request());
        } else {
            ImageReference wanted = source.reference();
            image = imageRegistry.resolve(wanted).orElseThrow(() -> new ImageNotFoundException(wanted.toString(),
                    "image " + wanted + " was not found by the " + backendName() + " backend: "
                            + imageRegistry.howToProvide(wanted)));
        }
        // The user's push target wins; otherwise the backend says where its jobs can start the image (ECR for SageMaker).
        ImageReference ready = image;
        ImageReference target = source.pushTargetIfAny()
                .or(() -> origin != null ? origin.pushTarget(ready) : java.util.Optional.empty()).orElse(null);
        if (target != null) {
            image = imageRegistry.push(image, target);
        }
        LOG.debug("training image ready: {}", image);
        return image;
    }

    List<Upload> planUploads(JobName name, List<TrainingRequest.LocalInput> inputs, TrainingJobSpec.Builder spec,
                                     Violations v) {
        List<Upload> uploads = new ArrayList<>();
        java.util.Set<String> specChannels = spec.channelNames();
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
            if (specChannels.contains(channel.name())) {
                continue; // already reported as a clash with the spec's channel of that name
            }
            spec.channel(channel);
            spec.tag(InputChecksum.TAG_PREFIX + safeSegment(channel.name()), InputChecksum.of(path));
            uploads.add(new Upload(path, target));
        }
        return uploads;
    }

    private static String safeSegment(String channelName) {
        // Channel names are validated later; keep an invalid one from breaking the URI before that report.
        return channelName == null || channelName.isEmpty() ? "channel" : channelName.replace('/', '_');
    }

    record Upload(Path path, StorageUri target) {
    }

    /** Builds a {@link Drydock}. */
    public static final class Builder {
        private ImageRegistry imageRegistry;
        private Storage storage;
        private Backend backend;
        private boolean closeBackend;
        private TrainingBackend trainingBackend;
        private ArtifactStore artifactStore;
        private StorageUri stagingPrefix;
        private StorageUri outputPath;
        private Path workDirectory;
        private PollPolicy pollPolicy;

        private Builder() {
        }

        /**
         * Where jobs run: the four ports, staging prefix, output path, work directory and poll policy all come from
         * {@code value}, except those set on this builder too.
         */
        public Builder backend(Backend value) {
            this.backend = value;
            return this;
        }

        /** Whether {@link Drydock#close()} closes the {@link #backend(Backend)}; {@code false} by default. */
        public Builder closeBackend(boolean value) {
            this.closeBackend = value;
            return this;
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
            this.trainingBackend = value;
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

        /** How often job status is polled (the backend's policy, {@link PollPolicy#local()} without one). */
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
