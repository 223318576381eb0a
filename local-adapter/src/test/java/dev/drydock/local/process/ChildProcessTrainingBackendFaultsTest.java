package dev.drydock.local.process;

import dev.drydock.core.error.AccessDeniedException;
import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.JobAlreadyExistsException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.Resources;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.local.DirectoryStorageFake;
import dev.drydock.local.TestTrainers;
import dev.drydock.local.job.StorageModelPublisher;
import dev.drydock.testkit.ContainerBehaviour;
import dev.drydock.testkit.JobWaiter;
import dev.drydock.testkit.TarGzFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The faults of issue 4 that the child-process backend (and the shared job machinery) must report clearly. */
class ChildProcessTrainingBackendFaultsTest {
    @TempDir
    Path tmp;

    private final DirectoryStorageFake storage = new DirectoryStorageFake();
    private ChildProcessTrainingBackend backend;
    private JobWaiter waiter;
    private Path data;

    @BeforeEach
    void setUp() throws IOException {
        backend = backend(Duration.ofSeconds(1));
        waiter = new JobWaiter(backend, Duration.ofMillis(50), Duration.ofSeconds(60));
        data = Files.createDirectories(tmp.resolve("data/train"));
        Files.writeString(data.resolve("a.csv"), "a,b\n1,2\n");
    }

    @Test
    void submit_whenChannelSourceMissing_throwsInvalidInputNamingTheChannelAndStartsNothing() {
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED).channel("validation", StorageUri.of(tmp.resolve("nope")).asPrefix()).build();

        assertThatThrownBy(() -> backend.submit(spec)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.violations()).hasSize(1);
            assertThat(e.violations().get(0).field()).isEqualTo("channels[1].source");
            assertThat(e.getMessage()).contains("\"validation\"", "upload");
        });
        assertThat(Files.exists(tmp.resolve("jobs").resolve(spec.name().value()))).isFalse();
    }

    @Test
    void submit_whenOutputPathIsBelowAFile_throwsNamingTheOutputPath() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED).outputPath(StorageUri.of(file).resolve("models/")).build();

        assertThatThrownBy(() -> backend.submit(spec)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("outputPath").hasMessageContaining("is a file");
        assertThat(backend.list(10)).isEmpty();
    }

    @Test
    void submit_whenOutputFolderCannotBeWritten_throwsAccessDenied() throws IOException {
        // Root ignores file modes, so the test uses a folder no one can create files in: /proc.
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED).outputPath("file:///proc/drydock-models/").build();

        assertThatThrownBy(() -> backend.submit(spec)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("/proc/drydock-models").hasMessageContaining("not writable");
    }

    @Test
    void submit_whenNameUsedByAnotherInstanceOverTheSameRoot_throwsJobAlreadyExists() {
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED).build();
        backend.submit(spec);
        waiter.awaitEnd(spec.name());
        ChildProcessTrainingBackend other = backend(Duration.ofSeconds(1));

        assertThatThrownBy(() -> other.submit(spec.toBuilder().hyperparameter("x", 1).build()))
                .isInstanceOf(JobAlreadyExistsException.class);
        assertThat(other.submit(spec).state()).isEqualTo(JobState.COMPLETED);
    }

    @Test
    void submit_whenSameSpecWithMapsFilledInAnotherOrder_returnsTheExistingJob() throws Exception {
        TrainingJobSpec first = spec(ContainerBehaviour.SUCCEED).hyperparameter("eta", "0.1").hyperparameter("depth", 5)
                .environment("A", "1").environment("B", "2").build();
        TrainingJobSpec.Builder reordered = TrainingJobSpec.builder().name(first.name()).image("drydock/scripted:latest")
                .environment("B", "2").environment("A", "1").hyperparameter("depth", 5).hyperparameter("eta", "0.1")
                .channel("train", StorageUri.of(data)).outputPath(StorageUri.of(tmp).resolve("out/"));
        TrainingJobSpec again = ContainerBehaviour.SUCCEED.applyTo(reordered).build();
        JobDescription submitted = backend.submit(first);

        assertThat(backend.submit(again).created()).isEqualTo(submitted.created());
        assertThat(Files.readString(tmp.resolve("jobs").resolve(first.name().value()).resolve("spec.sha256")))
                .isEqualTo(first.fingerprint()).isEqualTo(again.fingerprint());
        waiter.awaitEnd(first.name());
    }

    @Test
    void submit_whenTrainerJarMissing_throwsConfigurationSayingHowToBuildIt() {
        ChildProcessTrainingBackend jarBackend = ChildProcessTrainingBackend.builder().jobRoot(tmp.resolve("jobs"))
                .storage(storage).modelPublisher(new StorageModelPublisher(storage))
                .trainerJar(tmp.resolve("missing-trainer.jar")).build();

        assertThatThrownBy(() -> jarBackend.submit(spec(ContainerBehaviour.SUCCEED).build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("missing-trainer.jar").hasMessageContaining("package");
    }

    @Test
    void describe_whenTrainerKilledBySignal_reasonNamesTheSignal() {
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED)
                .containerEntrypoint(List.of("sh", "-c", "echo about to die; kill -KILL $$")).build();
        backend.submit(spec);

        JobDescription done = waiter.awaitEnd(spec.name());

        assertThat(done.state()).isEqualTo(JobState.FAILED);
        assertThat(done.failureReason()).contains("SIGKILL", "137", "algo-1");
        assertThat(done.modelArtifact()).isNull();
    }

    @Test
    void describe_whenTrainerIgnoresSigterm_isKilledAfterTheGracePeriodNotBefore() {
        TrainingJobSpec spec = spec(ContainerBehaviour.IGNORE_SIGTERM).build();
        backend.submit(spec);
        waiter.awaitLogLine(spec.name(), "sleeping until stopped");
        long stopAt = System.nanoTime();

        backend.stop(spec.name());
        JobDescription done = waiter.awaitEnd(spec.name());

        long tookMillis = (System.nanoTime() - stopAt) / 1_000_000;
        assertThat(done.state()).isEqualTo(JobState.STOPPED);
        assertThat(tookMillis).as("ended after the 1 s grace period").isBetween(900L, 10_000L);
        assertThat(waiter.allLogs(spec.name())).extracting(LogEvent::message).contains("received SIGTERM, ignoring it");
        assertThat(done.modelArtifact()).as("what /opt/ml/model held when the trainer was killed").isEqualTo(spec.modelArtifactUri());
    }

    @Test
    void stop_whenTrainerSavedNoModel_isStoppedWithoutModelArtifact() {
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED)
                .containerEntrypoint(List.of("sh", "-c", "echo sleeping until stopped; exec sleep 60")).build();
        backend.submit(spec);
        waiter.awaitLogLine(spec.name(), "sleeping until stopped");

        backend.stop(spec.name());
        JobDescription done = waiter.awaitEnd(spec.name());

        assertThat(done.state()).isEqualTo(JobState.STOPPED);
        assertThat(done.modelArtifact()).as("an empty /opt/ml/model is not published for a stopped job").isNull();
        assertThat(storage.exists(spec.modelArtifactUri())).isFalse();
    }

    @Test
    void stop_whenTrainerSavesItsModelOnSigterm_publishesModelAndOutput() {
        String script = "trap 'echo best so far > \"$DRYDOCK_ML_ROOT/model/model.txt\";"
                + " echo stopped early > \"$DRYDOCK_ML_ROOT/output/data/summary.txt\"; exit 143' TERM;"
                + " echo sleeping until stopped; sleep 60 & wait";
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED).containerEntrypoint(List.of("sh", "-c", script)).build();
        backend.submit(spec);
        waiter.awaitLogLine(spec.name(), "sleeping until stopped");

        backend.stop(spec.name());
        JobDescription done = waiter.awaitEnd(spec.name());

        assertThat(done.state()).isEqualTo(JobState.STOPPED);
        assertThat(done.modelArtifact()).isEqualTo(spec.modelArtifactUri());
        assertThat(TarGzFixtures.read(storage.get(spec.modelArtifactUri(), tmp.resolve("model.tar.gz"))).get("model.txt"))
                .asString().isEqualTo("best so far\n");
        assertThat(TarGzFixtures.read(storage.get(spec.outputArtifactUri(), tmp.resolve("output.tar.gz"))).get("summary.txt"))
                .asString().isEqualTo("stopped early\n");
    }

    @Test
    void describe_whenOneHostFailsWhileAnotherRuns_stopsTheOtherAndFailsWithTheFailingHostsReason() {
        String script = "if grep -q '\"current_host\":\"algo-2\"' \"$DRYDOCK_ML_ROOT/input/config/resourceconfig.json\"; then"
                + " sleep 0.3; echo 'algo-2 broke: disk full' > \"$DRYDOCK_ML_ROOT/output/failure\"; exit 2;"
                + " else echo working; exec sleep 60; fi";
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED).resources(Resources.of("ml.m5.large", 2))
                .containerEntrypoint(List.of("sh", "-c", script)).build();
        long start = System.nanoTime();
        backend.submit(spec);

        JobDescription done = waiter.awaitEnd(spec.name());

        assertThat(done.state()).isEqualTo(JobState.FAILED);
        assertThat(done.failureReason()).startsWith("algo-2 broke: disk full");
        assertThat((System.nanoTime() - start) / 1_000_000).as("algo-1 was stopped, not awaited for 60 s").isLessThan(20_000L);
        assertThat(done.modelArtifact()).isNull();
        assertThat(storage.exists(spec.modelArtifactUri())).isFalse();
    }

    @Test
    void describe_whenSeveralHosts_writesEveryConfigFileForEachHost() throws IOException {
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED).resources(Resources.of("ml.m5.large", 3)).build();
        backend.submit(spec);

        assertThat(waiter.awaitEnd(spec.name()).state()).isEqualTo(JobState.COMPLETED);

        Path job = tmp.resolve("jobs").resolve(spec.name().value());
        for (String host : List.of("algo-1", "algo-2", "algo-3")) {
            String resources = Files.readString(job.resolve(host + "/input/config/resourceconfig.json"));
            assertThat(resources).contains("\"current_host\":\"" + host + "\"", "\"hosts\":[\"algo-1\",\"algo-2\",\"algo-3\"]",
                    "\"current_group_name\":\"homogeneousCluster\"", "\"instance_groups\"", "\"network_interface_name\":\"eth0\"",
                    "\"current_instance_type\":\"ml.m5.large\"");
            assertThat(Files.readString(job.resolve(host + "/input/data/train/a.csv"))).isEqualTo("a,b\n1,2\n");
        }
    }

    @Test
    void errors_whenAnyFaultHappens_areDrydockExceptions() {
        assertThatThrownBy(() -> backend.describe(JobName.of("never-submitted"))).isInstanceOf(DrydockException.class)
                .hasMessageContaining(tmp.resolve("jobs").toString());
    }

    @Test
    void job_whenTrainerJvmRunsOutOfHeap_reasonPointsAtXmx() throws Exception {
        Path testClasses = Path.of(dev.drydock.local.MemoryHogTrainer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED)
                .containerEntrypoint(java.util.List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx32m", "-XX:+UseSerialGC", "-cp", testClasses.toString(), dev.drydock.local.MemoryHogTrainer.class.getName()))
                .hyperparameter(dev.drydock.local.MemoryHogTrainer.MIB_HYPERPARAMETER, 256)
                .build();

        backend.submit(spec);
        JobDescription ended = waiter.awaitEnd(spec.name());

        assertThat(ended.state()).isEqualTo(JobState.FAILED);
        assertThat(ended.failureReason()).contains("algo-1").contains("java.lang.OutOfMemoryError").contains("-Xmx");
    }

    private TrainingJobSpec.Builder spec(ContainerBehaviour behaviour) {
        return behaviour.applyTo(TrainingJobSpec.builder().image("drydock/scripted:latest"))
                .name(JobName.generate("fault"))
                .channel("train", StorageUri.of(data))
                .outputPath(StorageUri.of(tmp).resolve("out/"));
    }

    private ChildProcessTrainingBackend backend(Duration grace) {
        return ChildProcessTrainingBackend.builder()
                .jobRoot(tmp.resolve("jobs"))
                .storage(storage)
                .modelPublisher(new StorageModelPublisher(storage))
                .command(TestTrainers.scriptedContainerCommand())
                .gracePeriod(grace)
                .build();
    }
}
