package dev.drydock.local.job;

import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.model.CheckpointConfig;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.local.storage.FileSystemStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checkpoints restored into every host's folder and copied back when they change. */
class CheckpointSyncTest {
    @TempDir
    Path root;

    private final FileSystemStorage storage = FileSystemStorage.create();

    private TrainingJobSpec spec(CheckpointConfig checkpoint) {
        return TrainingJobSpec.builder().name(JobName.of("cp")).image("drydock/trainer:latest")
                .channel("train", StorageUri.of(root.resolve("in")).asPrefix())
                .outputPath(StorageUri.of(root.resolve("out")).asPrefix()).checkpoint(checkpoint).build();
    }

    @Test
    void check_whenTheProcessBackendIsGivenAnotherLocalPath_refusesNamingTheFieldAndTheFix() {
        TrainingJobSpec spec = spec(new CheckpointConfig(StorageUri.of(root.resolve("cp")).asPrefix(), "/data/cp"));

        assertThatThrownBy(() -> CheckpointSync.check(storage, spec, "process", false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("checkpoint.localPath")
                .hasMessageContaining("/data/cp").hasMessageContaining("docker backend");
        assertThatCode(() -> CheckpointSync.check(storage, spec, "docker", true)).doesNotThrowAnyException();
    }

    @Test
    void check_whenTheStorageDoesNotServeTheLocation_refuses() {
        TrainingJobSpec spec = spec(CheckpointConfig.of(StorageUri.s3("bucket", "cp/")));

        assertThatThrownBy(() -> CheckpointSync.check(storage, spec, "process", false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("checkpoint.uri")
                .hasMessageContaining("s3://bucket/cp/");
    }

    @Test
    void restoreThenSync_copiesTheLocationIntoEveryHostAndOnlyChangedFilesBack() throws Exception {
        Path location = Files.createDirectories(root.resolve("cp"));
        Files.writeString(location.resolve("a.txt"), "a");
        HostFolder one = JobFolder.of(root.resolve("jobs"), JobName.of("cp")).host("algo-1").create();
        HostFolder two = JobFolder.of(root.resolve("jobs"), JobName.of("cp")).host("algo-2").create();
        CheckpointSync sync = CheckpointSync.of(storage, spec(CheckpointConfig.of(StorageUri.of(location).asPrefix())),
                List.of(one, two));

        sync.restore();
        assertThat(one.checkpoints().resolve("a.txt")).hasContent("a");
        assertThat(two.checkpoints().resolve("a.txt")).hasContent("a");

        Files.writeString(one.checkpoints().resolve("b.txt"), "b");
        Files.writeString(location.resolve("a.txt"), "changed at the location meanwhile");
        assertThat(sync.syncNow(null)).isTrue();
        assertThat(location.resolve("b.txt")).hasContent("b");
        assertThat(location.resolve("a.txt")).as("an unchanged restored file is not copied back")
                .hasContent("changed at the location meanwhile");
    }
}
