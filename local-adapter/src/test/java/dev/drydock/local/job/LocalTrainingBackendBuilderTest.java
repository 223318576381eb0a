package dev.drydock.local.job;

import dev.drydock.local.DirectoryStorageFake;
import dev.drydock.local.docker.DockerTrainingBackend;
import dev.drydock.local.process.ChildProcessTrainingBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both local backends' builders share their settings, defaults and checks through {@link LocalTrainingBackend.Builder}. */
class LocalTrainingBackendBuilderTest {
    private final DirectoryStorageFake storage = new DirectoryStorageFake();

    private List<Supplier<LocalTrainingBackend.Builder<?>>> builders() {
        return List.of(() -> ChildProcessTrainingBackend.builder().command(List.of("true")),
                () -> DockerTrainingBackend.builder().dockerHost("unix:///nonexistent/docker.sock"));
    }

    @Test
    void build_whenStorageOrPublisherMissing_namesTheMissingSetting() {
        for (Supplier<LocalTrainingBackend.Builder<?>> b : builders()) {
            assertThatThrownBy(() -> build(b.get().modelPublisher(new StorageModelPublisher(storage))))
                    .isInstanceOf(NullPointerException.class).hasMessageStartingWith("storage must be set");
            assertThatThrownBy(() -> build(b.get().storage(storage)))
                    .isInstanceOf(NullPointerException.class).hasMessageStartingWith("modelPublisher must be set");
        }
    }

    @Test
    void gracePeriod_whenNegative_rejects() {
        for (Supplier<LocalTrainingBackend.Builder<?>> b : builders()) {
            assertThatThrownBy(() -> b.get().gracePeriod(Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gracePeriod must be zero or positive");
        }
    }

    @Test
    void build_whenSharedSettingsGiven_usesThemAndNamesTheBackend(@TempDir Path tmp) {
        LocalTrainingBackend process = build(builders().get(0).get().jobRoot(tmp.resolve("a")).storage(storage)
                .modelPublisher(new StorageModelPublisher(storage)));
        LocalTrainingBackend docker = build(builders().get(1).get().jobRoot(tmp.resolve("b")).storage(storage)
                .modelPublisher(new StorageModelPublisher(storage)));

        assertThat(process.name()).isEqualTo("process");
        assertThat(docker.name()).isEqualTo("docker");
        assertThat(process.jobRoot()).isEqualTo(tmp.resolve("a"));
        assertThat(docker.jobRoot()).isEqualTo(tmp.resolve("b"));
        assertThat(ChildProcessTrainingBackend.Builder.DEFAULT_GRACE_PERIOD).isEqualTo(Duration.ofSeconds(120));
        assertThat(ChildProcessTrainingBackend.Builder.defaultJobRoot().endsWith(Path.of(".drydock", "jobs"))).isTrue();
    }

    private static LocalTrainingBackend build(LocalTrainingBackend.Builder<?> b) {
        return b.build();
    }
}
