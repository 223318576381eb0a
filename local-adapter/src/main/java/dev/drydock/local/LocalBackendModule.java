package dev.drydock.local;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.drydock.core.Backend;
import dev.drydock.guice.DrydockModule;

import java.util.Objects;

/**
 * Guice module for a local backend configured in code: binds {@link Backend} (and through
 * {@link DrydockModule} its four ports and a {@link dev.drydock.core.Drydock}) to the {@link LocalBackend} that
 * {@code builder} makes, plus {@link LocalBackend} and {@link LocalConfig} themselves.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new LocalBackendModule(LocalBackend.builder().home(Path.of("/data/drydock"))));
 * }</pre>
 *
 * <p>To choose the backend by configuration instead, install {@link DrydockModule#fromSettings} alone.
 */
public final class LocalBackendModule extends AbstractModule {
    private final LocalBackend.Builder builder;

    /** A module that builds its backend from {@code builder} when first needed. */
    public LocalBackendModule(LocalBackend.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    @Override
    protected void configure() {
        install(DrydockModule.of(builder::build));
    }

    @Provides
    @Singleton
    LocalBackend localBackend(Backend backend) {
        return (LocalBackend) backend;
    }

    @Provides
    @Singleton
    LocalConfig localConfig(LocalBackend local) {
        return local.config();
    }
}
