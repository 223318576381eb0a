package dev.drydock.local.docker;

import dev.drydock.local.job.LocalJobEngine;
import dev.drydock.local.job.LocalTrainingBackend;
import dev.drydock.local.job.MemorySize;

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
 * grace period. With a {@linkplain Builder#memoryLimit(long) memory limit} each container gets that much memory and
 * no swap, like an instance's memory; a container that exceeds it is killed and the job fails with an out-of-memory
 * reason naming the limit. Containers and networks are removed when the job ends, however it ends, and by a shutdown hook when
 * the JVM exits first.
 *
 * <p>Everything else (job folder, config files, channel staging, state on disk, logs, metrics, several hosts, model
 * collected from {@code algo-1} as SageMaker does) is the shared behaviour of {@link LocalJobEngine}, through
 * {@link LocalTrainingBackend}. Thread-safe.
 */
public final class DockerTrainingBackend extends LocalTrainingBackend {

    private DockerTrainingBackend(LocalJobEngine engine) {
        super(engine);
    }

    /** A builder; {@code storage} and {@code modelPublisher} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DockerTrainingBackend}: the shared settings plus the Docker daemon. */
    public static final class Builder extends LocalTrainingBackend.Builder<Builder> {
        private String dockerHost = DockerClients.defaultHost();
        private long memoryLimit;

        private Builder() {
        }

        /** The daemon: {@code unix:///var/run/docker.sock} or {@code tcp://host:port}; {@code DOCKER_HOST} by default. */
        public Builder dockerHost(String value) {
            this.dockerHost = Objects.requireNonNull(value, "dockerHost");
            return this;
        }

        /**
         * Each container's memory limit in bytes (its memory, and its memory plus swap, so no swap); none by default.
         * Files the trainer writes to {@code /tmp} (a tmpfs) count against it too. It is not derived from the
         * spec's instance type: SageMaker's instance memory needs a table per type, and a laptop rarely has as much,
         * so set it to what the instance type you target has when you want a local run to fail as it would there.
         *
         * @throws IllegalArgumentException when below 6 MiB, Docker's minimum
         */
        public Builder memoryLimit(long bytes) {
            this.memoryLimit = MemorySize.checkLimit("memoryLimit", bytes);
            return this;
        }

        /**
         * Each container's memory limit as a size: {@code 512m}, {@code 2g} (powers of 1024), or a byte count; see
         * {@link #memoryLimit(long)}.
         *
         * @throws IllegalArgumentException naming the value and the rule when it is not a size of at least 6 MiB
         */
        public Builder memoryLimit(String size) {
            this.memoryLimit = MemorySize.parseLimit("memoryLimit", size);
            return this;
        }

        /** Removes the memory limit (the default): containers may use all of the machine's memory. */
        public Builder noMemoryLimit() {
            this.memoryLimit = 0;
            return this;
        }

        /** The backend; no daemon is contacted until the first submit. */
        @Override
        public DockerTrainingBackend build() {
            checkShared();
            return new DockerTrainingBackend(engine(new DockerLauncher(DockerClients.create(dockerHost), dockerHost, memoryLimit,
                    trainerHeap(), jobRoot())));
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
