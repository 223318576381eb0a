package dev.drydock.local.process;

import dev.drydock.archive.TarGz;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.SecondaryStatus;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.JobSummary;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.local.DirectoryStorageFake;
import dev.drydock.local.SmallDisk;
import dev.drydock.local.TestTrainers;
import dev.drydock.local.job.JobFolder;
import dev.drydock.local.job.JobStateStore;
import dev.drydock.local.job.LocalJobEngine;
import dev.drydock.local.job.StoredJob;
import dev.drydock.local.storage.FileSystemArtifactStore;
import dev.drydock.local.storage.FileSystemStorage;
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
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void job_whenTheDiskFillsUp_failsSayingSoLeavesNoTemporaryFileAndRecordsItsEndOnceThereIsSpace() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), "1m")) {
            Path jobRoot = disk.root().resolve("jobs");
            JobName orphan = JobName.of("orphan");
            JobFolder orphanFolder = JobFolder.of(jobRoot, orphan);
            Files.createDirectories(orphanFolder.root());
            JobStateStore.write(orphanFolder, new StoredJob(inProgress(orphan), "process", deadPid()));
            FileSystemStorage files = FileSystemStorage.create();
            ChildProcessTrainingBackend full = ChildProcessTrainingBackend.builder().jobRoot(jobRoot).storage(files)
                    .modelPublisher(new StorageModelPublisher(files)).gracePeriod(Duration.ofSeconds(1))
                    .command(List.of("sh", "-c", "head -c 4000000 /dev/zero > \"$DRYDOCK_ML_ROOT/model/big\"; exit 0")).build();
            TrainingJobSpec spec = spec().outputPath(StorageUri.of(disk.root()).resolve("out/")).build();

            full.submit(spec);
            JobDescription ended = new JobWaiter(full, Duration.ofMillis(50), Duration.ofSeconds(60)).awaitEnd(spec.name());

            assertThat(ended.state()).isEqualTo(JobState.FAILED);
            assertThat(ended.failureReason()).contains("the disk is full");
            assertThat(full.describe(orphan).state()).as("a reader works on a full disk: it never writes")
                    .isEqualTo(JobState.FAILED);
            try (Stream<Path> all = Files.walk(disk.root())) {
                assertThat(all.map(p -> p.getFileName().toString()))
                        .noneMatch(n -> n.endsWith(".tmp") || n.endsWith(".partial") || n.contains(".extracting-"));
            }
            JobFolder folder = JobFolder.of(jobRoot, spec.name());
            assertThat(JobStateStore.read(folder).orElseThrow().description().state())
                    .as("not yet on disk").isEqualTo(JobState.IN_PROGRESS);

            Files.delete(folder.host("algo-1").model().resolve("big"));

            long deadline = System.nanoTime() + 10_000_000_000L;
            while (JobStateStore.read(folder).orElseThrow().description().state() != JobState.FAILED
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            JobDescription onDisk = JobStateStore.read(folder).orElseThrow().description();
            assertThat(onDisk.state()).as("the end kept in memory is written once there is space").isEqualTo(JobState.FAILED);
            assertThat(onDisk.failureReason()).contains("the disk is full");
        }
    }

    @Test
    void extract_whenTheDiskIsFull_saysTheDiskIsFullNotThatTheArchiveMayBeCorrupt() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("model"));
        byte[] digits = new byte[3 * 1024 * 1024];
        new java.util.Random(1).nextBytes(digits);
        Files.write(src.resolve("model.bin"), digits);
        Path archive = TarGz.create().pack(src, tmp.resolve("model.tar.gz"));
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), "1m")) {
            Path target = disk.root().resolve("extracted");

            assertThatThrownBy(() -> new FileSystemArtifactStore(FileSystemStorage.create()).extract(StorageUri.of(archive), target))
                    .isInstanceOf(StorageIoException.class).hasMessageContaining("the disk is full")
                    .hasMessageNotContaining("corrupt");
            try (Stream<Path> left = Files.list(disk.root())) {
                assertThat(left).as("nothing half-extracted is left").isEmpty();
            }
        }
    }

    private static JobDescription inProgress(JobName name) {
        Instant now = Instant.now();
        return JobDescription.builder(name).arn(LocalJobEngine.arnOf(name)).state(JobState.IN_PROGRESS).created(now)
                .transition(SecondaryStatus.TRAINING, now, "Training").build();
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private TrainingJobSpec.Builder spec() {
        return ContainerBehaviour.SUCCEED.applyTo(TrainingJobSpec.builder().image("drydock/scripted:latest"))
                .name(JobName.generate("state")).channel("train", StorageUri.of(data))
                .outputPath(StorageUri.of(tmp).resolve("out/"));
    }
}
