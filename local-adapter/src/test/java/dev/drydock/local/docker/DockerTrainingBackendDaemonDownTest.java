package dev.drydock.local.docker;

import dev.drydock.core.error.BackendUnavailableException;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.local.DirectoryStorageFake;
import dev.drydock.local.job.StorageModelPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No daemon at the configured socket: a clear, retryable error with the fix, and nothing created. */
class DockerTrainingBackendDaemonDownTest {
    @TempDir
    Path tmp;

    @Test
    void submit_whenNoDaemonAnswers_throwsBackendUnavailableWithTheFix() throws Exception {
        DirectoryStorageFake storage = new DirectoryStorageFake();
        Files.writeString(Files.createDirectories(tmp.resolve("train")).resolve("a.csv"), "a\n1\n");
        DockerTrainingBackend backend = DockerTrainingBackend.builder().jobRoot(tmp.resolve("jobs")).storage(storage)
                .modelPublisher(new StorageModelPublisher(storage)).dockerHost("unix:///tmp/no-such-docker-daemon.sock").build();
        TrainingJobSpec spec = TrainingJobSpec.builder().name("daemon-down").image("drydock/trainer:latest")
                .channel("train", StorageUri.of(tmp.resolve("train"))).outputPath(StorageUri.of(tmp).resolve("out/")).build();

        assertThatThrownBy(() -> backend.submit(spec)).isInstanceOfSatisfying(BackendUnavailableException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("no Docker daemon answers at unix:///tmp/no-such-docker-daemon.sock",
                    "dockerd", "DOCKER_HOST", "process backend");
        });
        assertThat(tmp.resolve("jobs/daemon-down")).doesNotExist();
    }
}
