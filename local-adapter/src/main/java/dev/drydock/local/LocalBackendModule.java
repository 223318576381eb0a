package dev.drydock.local;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.drydock.core.port.ArtifactStore;
import dev.drydock.core.port.ImageRegistry;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;

import java.util.Objects;

/**
 * Guice module that binds the four ports to the local backend: {@link Storage} and {@link ArtifactStore} on the file
 * system, {@link ImageRegistry} on the Docker daemon, {@link TrainingBackend} as child processes (default) or Docker
 * containers, chosen by {@link LocalConfig#backendKind()}.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new LocalBackendModule(LocalBackend.builder()
 *         .trainerJar(Path.of("trainer/target/drydock-trainer.jar"))));
 * TrainingBackend training = injector.getInstance(TrainingBackend.class);
 * }</pre>
 *
 * <p>{@link LocalBackend} and {@link LocalConfig} are bound too. The same objects are built without Guice by
 * {@link LocalBackend.Builder#build()}.
 */
public final class LocalBackendModule extends AbstractModule {
    private final LocalBackend.Builder builder;

    /** A module that builds its backend from {@code builder} when first needed. */
    public LocalBackendModule(LocalBackend.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    @Provides
    @Singleton
    LocalBackend localBackend() {
        return builder.build();
    }

    @Provides
    @Singleton
    LocalConfig localConfig(LocalBackend local) {
        return local.config();
    }

    @Provides
    @Singleton
    Storage storage(LocalBackend local) {
        return local.storage();
    }

    @Provides
    @Singleton
    ArtifactStore artifactStore(LocalBackend local) {
        return local.artifactStore();
    }

    @Provides
    @Singleton
    TrainingBackend trainingBackend(LocalBackend local) {
        return local.trainingBackend();
    }

    @Provides
    @Singleton
    ImageRegistry imageRegistry(LocalBackend local) {
        return local.imageRegistry();
    }
}
