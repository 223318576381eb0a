package dev.drydock.local.docker;

import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobSummary;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.local.job.LocalJobEngine;
import dev.drydock.local.job.ModelPublisher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Runs training jobs in Docker containers of the job's image, as SageMaker runs them: {@code IMAGE train} with the
 * host's {@code /opt/ml} tree bind-mounted (input read-only), {@code /tmp} writable, as the calling user (so the
 * files the trainer writes belong to the caller), with no network for one host and an internal network with host
 * names {@code algo-1} .. {@code algo-N} for several.
 *
 * <p>The image is never pulled: a missing image fails the submit with
 * {@link dev.drydock.core.error.ImageNotFoundException} saying how to build it, an image without ENTRYPOINT with
 * {@link dev.drydock.core.error.InvalidInputException}, and a daemon that does not answer with
 * {@link dev.drydock.core.error.BackendUnavailableException}. Stop and max runtime send SIGTERM, then SIGKILL after the
 * grace period. Containers and networks are removed when the job ends, however it ends, and by a shutdown hook when
 * the JVM exits first.
 *
 * <p>Everything else (job folder, config files, channel staging, state on disk, logs, metrics, several hosts, model
 * collected from {@code algo-1} as SageMaker does) is the shared behaviour of {@link LocalJobEngine}. Thread-safe.
 */
public final class DockerTrainingBackend implements TrainingBackend {
    private final LocalJobEngine engine;

    private DockerTrainingBackend(LocalJobEngine engine) {
        this.engine = engine;
    }

    /** A builder; {@code storage} and {@code modelPublisher} are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public JobDescription submit(TrainingJobSpec spec) {
        return engine.submit(spec);
    }

    @Override
    public JobDescription describe(JobName name) {
        return engine.describe(name);
    }

    @Override
    public LogPage readLogs(JobName name, LogCursor cursor) {
        return engine.readLogs(name, cursor);
    }

    @Override
    public void stop(JobName name) {
        engine.stop(name);
    }

    @Override
    public List<JobSummary> list(int max) {
        return engine.list(max);
    }

    /** The folder jobs are kept in. */
    public Path jobRoot() {
        return engine.jobRoot();
    }

    /** Builds a {@link DockerTrainingBackend}. */
    public static final class Builder {
        private Path jobRoot = Path.of(System.getProperty("user.home"), ".drydock", "jobs");
        private Storage storage;
        private ModelPublisher publisher;
        private String dockerHost = DockerClients.defaultHost();
        private Duration gracePeriod = Duration.ofSeconds(120);

        private Builder() {
        }

        /** Where job folders go; {@code ~/.drydock/jobs} by default. */
        public Builder jobRoot(Path value) {
            this.jobRoot = Objects.requireNonNull(value, "jobRoot");
            return this;
        }

        /** Where channels are staged from. */
        public Builder storage(Storage value) {
            this.storage = Objects.requireNonNull(value, "storage");
            return this;
        }

        /** Where models are packed and stored. */
        public Builder modelPublisher(ModelPublisher value) {
            this.publisher = Objects.requireNonNull(value, "modelPublisher");
            return this;
        }

        /** The daemon: {@code unix:///var/run/docker.sock} or {@code tcp://host:port}; {@code DOCKER_HOST} by default. */
        public Builder dockerHost(String value) {
            this.dockerHost = Objects.requireNonNull(value, "dockerHost");
            return this;
        }

        /** Between SIGTERM and SIGKILL when a job is stopped; 120 s by default, as SageMaker's. */
        public Builder gracePeriod(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("gracePeriod must be zero or positive, got " + value);
            }
            this.gracePeriod = value;
            return this;
        }

        /** The backend; no daemon is contacted until the first submit. */
        public DockerTrainingBackend build() {
            Objects.requireNonNull(storage, "storage must be set: the storage channels are staged from");
            Objects.requireNonNull(publisher, "modelPublisher must be set: where models are stored");
            DockerLauncher launcher = new DockerLauncher(DockerClients.create(dockerHost), dockerHost);
            return new DockerTrainingBackend(new LocalJobEngine(jobRoot, storage, publisher, launcher, gracePeriod));
        }
    }
}
