package dev.drydock.local;

import dev.drydock.local.job.LocalTrainingBackend;
import dev.drydock.local.job.MemorySize;
import dev.drydock.local.registry.RegistryCredentials;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How the local backend is set up. Immutable; build with {@link #builder()}, or take {@link #defaults()}.
 *
 * @param jobRoot        where job folders go; {@code ~/.drydock/jobs} by default
 * @param storageRoots   the folders {@code file://} storage may read and write below; empty means anywhere
 * @param dockerHost     the Docker daemon ({@code unix:///var/run/docker.sock} or {@code tcp://host:port});
 *                       {@code DOCKER_HOST} or the default socket when not set
 * @param registry       the registry an image push goes to when its target names none ({@code 127.0.0.1:5000}), or
 *                       {@code null}: then every push target must name its registry. Used by the Docker backend's
 *                       image registry; the process backend's has nothing to push
 * @param registryCredentials the user name and password for {@code registry} (its {@code registry} must be the
 *                       same), or {@code null} when it needs none
 * @param gracePeriod    between SIGTERM and SIGKILL when a job is stopped; 120 s by default, as SageMaker's
 * @param docker         {@code true} for the Docker backend ({@code docker}), {@code false} for the child-process
 *                       backend ({@code process}, the default)
 * @param trainerCommand the command that starts a trainer process (without {@code train}), or empty to run
 *                       {@code trainerJar} with {@code java -jar}
 * @param trainerJar     the trainer jar the process backend runs, or {@code null}
 * @param memoryLimit    each container's memory limit in bytes (memory and memory plus swap, so no swap), at least
 *                       6 MiB, or {@code null} for none (the default). Docker backend only: the process backend
 *                       cannot enforce it, so it is refused there. Not derived from the spec's instance type (that
 *                       needs a table of SageMaker's types): set what the targeted instance type has
 */
public record LocalConfig(Path jobRoot, List<Path> storageRoots, String dockerHost, String registry,
                          RegistryCredentials registryCredentials, Duration gracePeriod,
                          boolean docker, List<String> trainerCommand, Path trainerJar, Long memoryLimit) {
    /** SageMaker's grace period between SIGTERM and SIGKILL. */
    public static final Duration DEFAULT_GRACE_PERIOD = LocalTrainingBackend.Builder.DEFAULT_GRACE_PERIOD;

    /** Validates and fills in defaults. */
    public LocalConfig {
        jobRoot = (jobRoot == null ? defaultJobRoot() : jobRoot).toAbsolutePath().normalize();
        storageRoots = storageRoots == null ? List.of() : storageRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        dockerHost = dockerHost == null || dockerHost.isBlank() ? defaultDockerHost() : dockerHost;
        registry = registry == null || registry.isBlank() ? null : registry;
        if (registryCredentials != null) {
            if (registry == null) {
                registry = registryCredentials.registry();
            } else if (!registry.equals(registryCredentials.registry())) {
                throw new IllegalArgumentException("registryCredentials are for " + registryCredentials.registry()
                        + " but registry is " + registry + ": give credentials for the configured registry");
            }
        }
        gracePeriod = gracePeriod == null ? DEFAULT_GRACE_PERIOD : gracePeriod;
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("gracePeriod must be zero or positive, got " + gracePeriod);
        }
        trainerCommand = trainerCommand == null ? List.of() : List.copyOf(trainerCommand);
        trainerJar = trainerJar == null ? null : trainerJar.toAbsolutePath().normalize();
        if (memoryLimit != null) {
            MemorySize.checkLimit("memoryLimit", memoryLimit);
            if (!docker) {
                throw new IllegalArgumentException("a memory limit (" + MemorySize.format(memoryLimit) + ") is enforced by the"
                        + " docker backend only, but this is the process backend: choose the docker backend or set no memory limit");
            }
        }
    }

    /** Every argument but the memory limit: the configuration before memory limits existed, with none. */
    public LocalConfig(Path jobRoot, List<Path> storageRoots, String dockerHost, String registry,
                       RegistryCredentials registryCredentials, Duration gracePeriod,
                       boolean docker, List<String> trainerCommand, Path trainerJar) {
        this(jobRoot, storageRoots, dockerHost, registry, registryCredentials, gracePeriod, docker, trainerCommand,
                trainerJar, null);
    }

    /** {@code docker} or {@code process}: the backend's name, as {@link LocalBackendProvider} registers it. */
    public String backendName() {
        return docker ? "docker" : "process";
    }

    /** The memory limit in bytes, when one is configured. */
    public OptionalLong memoryLimitIfAny() {
        return memoryLimit == null ? OptionalLong.empty() : OptionalLong.of(memoryLimit);
    }

    /** Every default: process backend, {@code ~/.drydock/jobs}, 120 s grace, no registry. */
    public static LocalConfig defaults() {
        return builder().build();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        return new Builder().jobRoot(jobRoot).storageRoots(storageRoots).dockerHost(dockerHost).registry(registry)
                .registryCredentials(registryCredentials).gracePeriod(gracePeriod).docker(docker).trainerCommand(trainerCommand).trainerJar(trainerJar)
                .memoryLimit(memoryLimit);
    }

    /** The registry, when one is configured. */
    public Optional<String> registryIfAny() {
        return Optional.ofNullable(registry);
    }

    /** {@code ~/.drydock/jobs}. */
    public static Path defaultJobRoot() {
        return LocalTrainingBackend.Builder.defaultJobRoot();
    }

    private static String defaultDockerHost() {
        String env = System.getenv("DOCKER_HOST");
        return env == null || env.isBlank() ? "unix:///var/run/docker.sock" : env;
    }

    /** Builds a {@link LocalConfig}. */
    public static final class Builder {
        private Path jobRoot;
        private List<Path> storageRoots = List.of();
        private String dockerHost;
        private String registry;
        private RegistryCredentials registryCredentials;
        private Duration gracePeriod;
        private boolean docker;
        private List<String> trainerCommand = List.of();
        private Path trainerJar;
        private Long memoryLimit;

        private Builder() {
        }

        /** Where job folders go. */
        public Builder jobRoot(Path value) {
            this.jobRoot = value;
            return this;
        }

        /** The folders {@code file://} storage may use; none means anywhere. */
        public Builder storageRoots(List<Path> value) {
            this.storageRoots = List.copyOf(Objects.requireNonNull(value, "storageRoots"));
            return this;
        }

        /** One folder {@code file://} storage may use. */
        public Builder storageRoot(Path value) {
            this.storageRoots = List.of(Objects.requireNonNull(value, "storageRoot"));
            return this;
        }

        /** The Docker daemon. */
        public Builder dockerHost(String value) {
            this.dockerHost = value;
            return this;
        }

        /** The registry a push goes to when its target names none, such as {@code 127.0.0.1:5000}. */
        public Builder registry(String value) {
            this.registry = value;
            return this;
        }

        /** The credentials of the registry (which becomes the default registry when none is set). */
        public Builder registryCredentials(RegistryCredentials value) {
            this.registryCredentials = value;
            return this;
        }

        /** Between SIGTERM and SIGKILL. */
        public Builder gracePeriod(Duration value) {
            this.gracePeriod = value;
            return this;
        }

        /** The Docker backend when {@code true}; the child-process backend (the default) when {@code false}. */
        public Builder docker(boolean value) {
            this.docker = value;
            return this;
        }

        /** The command that starts a trainer process, without the {@code train} argument. */
        public Builder trainerCommand(List<String> value) {
            this.trainerCommand = value == null ? List.of() : List.copyOf(value);
            return this;
        }

        /** The trainer jar the process backend runs with {@code java -jar}. */
        public Builder trainerJar(Path value) {
            this.trainerJar = value;
            return this;
        }

        /** Each container's memory limit in bytes (Docker backend), or {@code null} for none; checked by {@link #build()}. */
        public Builder memoryLimit(Long bytes) {
            this.memoryLimit = bytes;
            return this;
        }

        /**
         * Each container's memory limit as a size such as {@code 512m} or {@code 2g} (powers of 1024) or a byte count,
         * or {@code null} for none.
         *
         * @throws IllegalArgumentException naming the value and the rule when it is not a size of at least 6 MiB
         */
        public Builder memoryLimit(String size) {
            this.memoryLimit = size == null ? null : MemorySize.parseLimit("memoryLimit", size);
            return this;
        }

        /** The configuration. */
        public LocalConfig build() {
            return new LocalConfig(jobRoot, storageRoots, dockerHost, registry, registryCredentials, gracePeriod, docker,
                    trainerCommand, trainerJar, memoryLimit);
        }
    }
}
