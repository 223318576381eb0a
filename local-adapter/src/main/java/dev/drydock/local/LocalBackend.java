package dev.drydock.local;

import dev.drydock.core.Backend;
import dev.drydock.core.PollPolicy;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.ArtifactStore;
import dev.drydock.core.port.ImageRegistry;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.local.docker.DockerTrainingBackend;
import dev.drydock.local.job.ArtifactStoreModelPublisher;
import dev.drydock.local.job.ModelPublisher;
import dev.drydock.local.job.StorageModelPublisher;
import dev.drydock.local.process.ChildProcessTrainingBackend;
import dev.drydock.local.registry.DockerImageRegistry;
import dev.drydock.local.registry.ProcessImageRegistry;
import dev.drydock.local.registry.RegistryCredentials;
import dev.drydock.local.storage.FileSystemArtifactStore;
import dev.drydock.local.storage.FileSystemStorage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The four ports on this machine, built without Guice:
 *
 * <pre>{@code
 * LocalBackend local = LocalBackend.builder()
 *         .trainerJar(Path.of("trainer/target/drydock-trainer.jar"))   // process backend (the default)
 *         .storageRoots(List.of(Path.of("/data")))                       // optional: where file:// may go
 *         .build();
 * TrainingBackend training = local.trainingBackend();
 * }</pre>
 *
 * <p>The training backend is the {@link ChildProcessTrainingBackend} or, from {@link #docker()}, the
 * {@link DockerTrainingBackend}; both stage channels from {@link #storage()} and store models through
 * {@link #artifactStore()} (packed with core's tar.gz), where it finds them. {@link LocalBackendModule} binds the same objects in Guice.
 */
public final class LocalBackend implements Backend {
    private final LocalConfig config;
    private final Path home;
    private final Storage storage;
    private final ArtifactStore artifactStore;
    private final ImageRegistry imageRegistry;
    private final TrainingBackend trainingBackend;

    private LocalBackend(LocalConfig config, Path home, Storage storage, ArtifactStore artifactStore, ImageRegistry imageRegistry,
                         TrainingBackend trainingBackend) {
        this.config = config;
        this.home = home;
        this.storage = storage;
        this.artifactStore = artifactStore;
        this.imageRegistry = imageRegistry;
        this.trainingBackend = trainingBackend;
    }

    /** A builder of the child-process backend ({@code process}) with every default of {@link LocalConfig}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder of the Docker backend ({@code docker}): {@link #builder()} with {@code docker(true)}. */
    public static Builder docker() {
        return new Builder().docker(true);
    }

    /** The configuration it was built from. */
    public LocalConfig config() {
        return config;
    }

    /** Datasets on the local file system ({@code file://}). */
    public Storage storage() {
        return storage;
    }

    /** Model and output archives of finished jobs. */
    public ArtifactStore artifactStore() {
        return artifactStore;
    }

    /** Images in the Docker daemon (and the configured registry). */
    public ImageRegistry imageRegistry() {
        return imageRegistry;
    }

    /** The child-process or Docker training backend, as configured. */
    public TrainingBackend trainingBackend() {
        return trainingBackend;
    }

    /** {@code process} or {@code docker}, the names {@link LocalBackendProvider} gives them. */
    @Override
    public String name() {
        return config.backendName();
    }

    /** The folder of jobs ({@code jobs/}), staged inputs and models ({@code storage/}) and extracted models ({@code models/}). */
    public Path home() {
        return home;
    }

    /** {@code file://<home>/storage/}: created by the first upload, not before (a reader never writes). */
    @Override
    public StorageUri stagingPrefix() {
        return StorageUri.of(home.resolve("storage")).asPrefix();
    }

    /** {@link PollPolicy#local()}: a job's state is a local file, cheap to read often. */
    @Override
    public PollPolicy pollPolicy() {
        return PollPolicy.local();
    }

    /** {@code <home>/models}. */
    @Override
    public Path workDirectory() {
        return home.resolve("models");
    }

    /** Closes the ports that hold connections (the Docker clients); jobs run on. */
    @Override
    public void close() {
        for (Object port : List.of(imageRegistry, trainingBackend, storage, artifactStore)) {
            if (port instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Closing releases connections only; a failure to do so leaves nothing of the user's behind.
                }
            }
        }
    }

    /** Builds a {@link LocalBackend}: a {@link LocalConfig} plus the storage, artifact store and registry adapters. */
    public static final class Builder {
        private LocalConfig.Builder config = LocalConfig.builder();
        private Path home;
        private boolean jobRootSet;
        private Storage storage;
        private ArtifactStore artifactStore;
        private ImageRegistry imageRegistry;
        private ModelPublisher modelPublisher;
        private String trainerHeap;

        private Builder() {
        }

        /** Replaces every setting with {@code value}'s. */
        public Builder config(LocalConfig value) {
            this.config = Objects.requireNonNull(value, "config").toBuilder();
            this.jobRootSet = true;
            return this;
        }

        /**
         * The folder everything local lives in: {@code jobs/} (unless {@link #jobRoot} is set), {@code storage/} (staged
         * inputs and {@code model.tar.gz} files) and {@code models/} (extracted models); {@code ~/.drydock} by default.
         */
        public Builder home(Path value) {
            this.home = value;
            return this;
        }

        /** Where job folders go; {@code <home>/jobs} by default. */
        public Builder jobRoot(Path value) {
            config.jobRoot(value);
            this.jobRootSet = value != null;
            return this;
        }

        /** The folders {@code file://} storage may use. */
        public Builder storageRoots(List<Path> value) {
            config.storageRoots(value);
            return this;
        }

        /** The Docker daemon; {@code DOCKER_HOST} or the default socket when not set. */
        public Builder dockerHost(String value) {
            config.dockerHost(value);
            return this;
        }

        /** The registry a push goes to when its target names none, such as {@code 127.0.0.1:5000}. */
        public Builder registry(String value) {
            config.registry(value);
            return this;
        }

        /** The user name and password of the registry, for pushes and digest look-ups. */
        public Builder registryCredentials(RegistryCredentials value) {
            config.registryCredentials(value);
            return this;
        }

        /** Between SIGTERM and SIGKILL; 120 s by default. */
        public Builder gracePeriod(Duration value) {
            config.gracePeriod(value);
            return this;
        }

        /** The Docker backend when {@code true}; the child-process backend (the default) when {@code false}. */
        public Builder docker(boolean value) {
            config.docker(value);
            return this;
        }

        /** The command that starts a trainer process (process backend), without {@code train}. */
        public Builder trainerCommand(List<String> value) {
            config.trainerCommand(value);
            return this;
        }

        /** The trainer jar the process backend runs with {@code java -jar}. */
        public Builder trainerJar(Path value) {
            config.trainerJar(value);
            return this;
        }

        /** Each container's memory limit in bytes (Docker backend only), or {@code null} for none (the default). */
        public Builder memoryLimit(Long bytes) {
            config.memoryLimit(bytes);
            return this;
        }

        /** Each container's memory limit as a size such as {@code 512m} or {@code 2g} (Docker backend only). */
        public Builder memoryLimit(String size) {
            config.memoryLimit(size);
            return this;
        }

        /**
         * The trainer JVM's heap ({@code -Xmx}) as a size such as {@code 4g}, on both local backends; the JVM's
         * default when not set. The job's {@code java_heap} hyperparameter wins over it.
         *
         * @throws IllegalArgumentException naming the value and the rule when it is not a size of at least 128m
         */
        public Builder trainerHeap(String size) {
            this.trainerHeap = size == null ? null : size;
            if (size != null) {
                dev.drydock.local.job.TrainerHeap.parse("trainerHeap", size);
            }
            return this;
        }

        /** The {@code file://} storage (the local-adapter's file-system storage). */
        public Builder storage(Storage value) {
            this.storage = value;
            return this;
        }

        /** The artifact store that extracts models (the local-adapter's file-system artifact store). */
        public Builder artifactStore(ArtifactStore value) {
            this.artifactStore = value;
            return this;
        }

        /** The image registry (the local-adapter's Docker image registry). */
        public Builder imageRegistry(ImageRegistry value) {
            this.imageRegistry = value;
            return this;
        }

        /** How finished jobs' models are packed and stored; by default into {@link #storage} with core's tar.gz. */
        public Builder modelPublisher(ModelPublisher value) {
            this.modelPublisher = value;
            return this;
        }

        /**
         * The ports. Those not set are made from the configuration: a {@link FileSystemStorage} limited to the storage
         * roots, a {@link FileSystemArtifactStore} over it (which also packs the models), a {@link DockerImageRegistry}
         * on the configured daemon (contacted only when used).
         */
        public LocalBackend build() {
            Path h = (home != null ? home : Path.of(System.getProperty("user.home"), ".drydock")).toAbsolutePath().normalize();
            if (!jobRootSet) {
                config.jobRoot(h.resolve("jobs"));
            }
            LocalConfig c = config.build();
            Storage s = storage;
            if (s == null) {
                s = c.storageRoots().isEmpty() ? FileSystemStorage.create()
                        : FileSystemStorage.builder().allowedRoots(c.storageRoots()).build();
            }
            ArtifactStore a = artifactStore;
            if (a == null && s instanceof FileSystemStorage fs) {
                a = new FileSystemArtifactStore(fs);
            }
            Objects.requireNonNull(a, "artifactStore must be set when the storage is not a FileSystemStorage");
            ImageRegistry r = imageRegistry != null ? imageRegistry : defaultRegistry(c);
            ModelPublisher publisher = modelPublisher;
            if (publisher == null) {
                publisher = a instanceof FileSystemArtifactStore store ? new ArtifactStoreModelPublisher(store, s)
                        : new StorageModelPublisher(s);
            }
            return new LocalBackend(c, h, s, a, r, trainingBackend(c, s, publisher, trainerHeap));
        }

        /** Docker's registry (with the configured default registry and credentials) for the Docker backend; for the
         *  process backend, one that needs no daemon. */
        private static ImageRegistry defaultRegistry(LocalConfig c) {
            if (!c.docker()) {
                List<String> command = !c.trainerCommand().isEmpty() ? c.trainerCommand()
                        : c.trainerJar() != null ? List.of("java", "-jar", c.trainerJar().toString()) : List.of();
                return ProcessImageRegistry.forCommand(command);
            }
            DockerImageRegistry.Builder docker = DockerImageRegistry.builder().dockerHost(c.dockerHost())
                    .defaultRegistry(c.registry());
            if (c.registryCredentials() != null) {
                docker.credentials(c.registryCredentials());
            }
            return docker.build();
        }

        /** The training backend {@code c} asks for. */
        static TrainingBackend trainingBackend(LocalConfig c, Storage storage, ModelPublisher publisher, String trainerHeap) {
            if (c.docker()) {
                DockerTrainingBackend.Builder d = DockerTrainingBackend.builder().jobRoot(c.jobRoot()).storage(storage)
                        .modelPublisher(publisher).dockerHost(c.dockerHost()).gracePeriod(c.gracePeriod());
                c.memoryLimitIfAny().ifPresent(d::memoryLimit);
                if (trainerHeap != null) {
                    d.trainerHeap(trainerHeap);
                }
                return d.build();
            }
            ChildProcessTrainingBackend.Builder b = ChildProcessTrainingBackend.builder().jobRoot(c.jobRoot())
                    .storage(storage).modelPublisher(publisher).gracePeriod(c.gracePeriod());
            if (trainerHeap != null) {
                b.trainerHeap(trainerHeap);
            }
            if (!c.trainerCommand().isEmpty()) {
                b.command(c.trainerCommand());
            } else if (c.trainerJar() != null) {
                b.trainerJar(c.trainerJar());
            } else {
                throw new dev.drydock.core.error.ConfigurationException("the process backend needs the trainer:"
                        + " set trainerJar or trainerCommand on LocalBackend's builder (the trainer-jar or trainer-command"
                        + " setting), or choose the docker backend");
            }
            return b.build();
        }
    }
}
