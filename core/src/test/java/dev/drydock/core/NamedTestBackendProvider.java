package dev.drydock.core;

import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.ArtifactStore;
import dev.drydock.core.port.ImageRegistry;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.core.spi.BackendProvider;
import dev.drydock.core.spi.BackendSetting;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend that exists only in core's tests, registered in this module's test {@code META-INF/services}: the
 * proof that {@link Backends} finds a provider by name with no edit elsewhere. Its ports are never called.
 */
public final class NamedTestBackendProvider implements BackendProvider {
    static final AtomicInteger CLOSED = new AtomicInteger();

    @Override
    public List<String> names() {
        return List.of("core-test", "core-test-2");
    }

    @Override
    public List<BackendSetting> settings(String name) {
        return List.of(BackendSetting.of("home", "where it keeps nothing", "/tmp/core-test"),
                BackendSetting.of("grace-period", "a duration it checks", "2m"));
    }

    @Override
    public String description(String name) {
        return "a test backend";
    }

    @Override
    public Backend create(String name, BackendSettings settings) {
        Path home = settings.path("home").orElse(Path.of("/tmp/core-test"));
        Duration grace = settings.duration("grace-period").orElse(Duration.ofMinutes(2));
        return new TestBackend(name, home, grace);
    }

    /** The backend made; only its values are real. */
    record TestBackend(String name, Path home, Duration grace) implements Backend {
        @Override
        public ImageRegistry imageRegistry() {
            return unused(ImageRegistry.class);
        }

        @Override
        public Storage storage() {
            return unused(Storage.class);
        }

        @Override
        public TrainingBackend trainingBackend() {
            return unused(TrainingBackend.class);
        }

        @Override
        public ArtifactStore artifactStore() {
            return unused(ArtifactStore.class);
        }

        @Override
        public StorageUri stagingPrefix() {
            return StorageUri.of(home.resolve("storage")).asPrefix();
        }

        @Override
        public PollPolicy pollPolicy() {
            return PollPolicy.cloud();
        }

        @Override
        public Path workDirectory() {
            return home.resolve("models");
        }

        /** A port whose every call fails: the facade may hold it but this test never uses it. */
        private static <T> T unused(Class<T> port) {
            return port.cast(java.lang.reflect.Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[]{port},
                    (proxy, method, args) -> {
                        if (method.getName().equals("name")) {
                            return "core-test";
                        }
                        throw new UnsupportedOperationException(port.getSimpleName() + "." + method.getName());
                    }));
        }

        @Override
        public void close() {
            CLOSED.incrementAndGet();
        }
    }
}
