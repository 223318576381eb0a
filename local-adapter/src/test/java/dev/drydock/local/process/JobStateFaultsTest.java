package dev.drydock.local.process;

import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.JobSummary;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.local.DirectoryStorageFake;
import dev.drydock.local.TestTrainers;
import dev.drydock.local.job.StorageModelPublisher;
import dev.drydock.testkit.ContainerBehaviour;
import dev.drydock.testkit.JobWaiter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Faults of a job's records on disk (issue 10): damaged, missing or unwritable state files. */
class JobStateFaultsTest {
    @TempDir
    Path tmp;

    private final DirectoryStorageFake storage = new DirectoryStorageFake();
    private ChildProcessTrainingBackend backend;
    private JobWaiter waiter;
    private Path data;

    @BeforeEach
    void setUp() throws IOException {
        backend = ChildProcessTrainingBackend.builder().jobRoot(tmp.resolve("jobs")).storage(storage)
                .modelPublisher(new StorageModelPublisher(storage)).command(TestTrainers.scriptedContainerCommand())
                .gracePeriod(Duration.ofSeconds(1)).build();
        waiter = new JobWaiter(backend, Duration.ofMillis(50), Duration.ofSeconds(60));
        data = Files.createDirectories(tmp.resolve("data/train"));
        Files.writeString(data.resolve("a.csv"), "a,b\n1,2\n");
    }

    @Test
    void list_whenOneStateFileIsCorrupt_listsItAsUnreadableAndTheOthersAsTheyAre() throws Exception {
        TrainingJobSpec good = spec().build();
        TrainingJobSpec damaged = spec().build();
        backend.submit(good);
        backend.submit(damaged);
        waiter.awaitEnd(good.name());
        waiter.awaitEnd(damaged.name());
        Files.writeString(tmp.resolve("jobs").resolve(damaged.name().value()).resolve("state.json"), "{\"name\": tru");

        List<JobSummary> jobs = backend.list(10);

        assertThat(jobs).hasSize(2);
        assertThat(jobs).filteredOn(j -> j.name().equals(good.name())).singleElement()
                .satisfies(j -> {
                    assertThat(j.state()).isEqualTo(JobState.COMPLETED);
                    assertThat(j.problemIfAny()).isEmpty();
                });
        assertThat(jobs).filteredOn(j -> j.name().equals(damaged.name())).singleElement()
                .satisfies(j -> assertThat(j.problem()).contains("state.json", damaged.name().value()));
    }

    private TrainingJobSpec.Builder spec() {
        return ContainerBehaviour.SUCCEED.applyTo(TrainingJobSpec.builder().image("drydock/scripted:latest"))
                .name(JobName.generate("state")).channel("train", StorageUri.of(data))
                .outputPath(StorageUri.of(tmp).resolve("out/"));
    }
}
