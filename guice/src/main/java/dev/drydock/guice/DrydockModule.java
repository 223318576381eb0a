package dev.drydock.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.drydock.core.Backend;
import dev.drydock.core.BackendSettings;
import dev.drydock.core.Backends;
import dev.drydock.core.Drydock;
import dev.drydock.core.port.ArtifactStore;
import dev.drydock.core.port.ImageRegistry;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.core.tuning.TuningBackend;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Binds the {@link Backend} chosen by configuration once, the four ports it holds, its {@link TuningBackend}, and a
 * {@link Drydock} on it, as
 * Trino's file-system module binds by configuration:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(DrydockModule.fromSettings(BackendSettings.load(Path.of("drydock.properties"))),
 *         new MyApplicationModule());
 * }</pre>
 *
 * <p>The backend is made when first needed and is the application's to close on shutdown
 * ({@code injector.getInstance(Backend.class).close()}); the bound {@link Drydock} does not own it.
 */
public final class DrydockModule extends AbstractModule {
    private final Supplier<? extends Backend> backend;

    private DrydockModule(Supplier<? extends Backend> backend) {
        this.backend = backend;
    }

    /** The backend that setting {@code backend} names (the process backend by default), built from the rest. */
    public static DrydockModule fromSettings(BackendSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new DrydockModule(() -> Backends.fromSettings(settings));
    }

    /** The backend {@code DRYDOCK_BACKEND} names, built from the other {@code DRYDOCK_*} variables. */
    public static DrydockModule fromEnvironment() {
        return new DrydockModule(Backends::fromEnvironment);
    }

    /** The backend {@code make} builds, when first needed (an adapter's builder, for configuration in code). */
    public static DrydockModule of(Supplier<? extends Backend> make) {
        return new DrydockModule(Objects.requireNonNull(make, "make"));
    }

    @Provides
    @Singleton
    Backend backend() {
        return Objects.requireNonNull(backend.get(), "the backend supplier returned null");
    }

    @Provides
    @Singleton
    Drydock drydock(Backend chosen) {
        return Drydock.on(chosen);
    }

    @Provides
    ImageRegistry imageRegistry(Backend chosen) {
        return chosen.imageRegistry();
    }

    @Provides
    Storage storage(Backend chosen) {
        return chosen.storage();
    }

    @Provides
    TrainingBackend trainingBackend(Backend chosen) {
        return chosen.trainingBackend();
    }

    @Provides
    ArtifactStore artifactStore(Backend chosen) {
        return chosen.artifactStore();
    }

    /**
     * The chosen backend's tuning service, by the same configuration: SageMaker's Automatic Model Tuning on the
     * {@code sagemaker} backend, local tuning over its training backend on the local ones. One per injector, since a
     * local tuning backend runs its tuning jobs' trials on its own threads.
     */
    @Provides
    @Singleton
    TuningBackend tuningBackend(Backend chosen) {
        return chosen.tuningBackend();
    }
}
