package dev.drydock.local.docker;

import dev.drydock.local.job.LocalJobEngine;
import dev.drydock.local.job.LocalTrainingBackend;

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

        private Builder() {
        }

        /** The daemon: {@code unix:///var/run/docker.sock} or {@code tcp://host:port}; {@code DOCKER_HOST} by default. */
        public Builder dockerHost(String value) {
            this.dockerHost = Objects.requireNonNull(value, "dockerHost");
            return this;
        }

        /** The backend; no daemon is contacted until the first submit. */
        @Override
        public DockerTrainingBackend build() {
            checkShared();
            return new DockerTrainingBackend(engine(new DockerLauncher(DockerClients.create(dockerHost), dockerHost)));
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
