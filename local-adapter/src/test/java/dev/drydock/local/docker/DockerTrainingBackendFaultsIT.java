package dev.drydock.local.docker;

import com.github.dockerjava.api.DockerClient;
import dev.drydock.core.error.ImageNotFoundException;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.Resources;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.local.DirectoryStorageFake;
import dev.drydock.local.HostFailingTrainer;
import dev.drydock.local.MemoryHogTrainer;
import dev.drydock.local.PeerCheckTrainer;
import dev.drydock.testkit.ContainerBehaviour;
import dev.drydock.testkit.JobWaiter;
import dev.drydock.testkit.ScriptedContainer;
import dev.drydock.testkit.TarGzFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The faults of issue 4 that concern the Docker backend, against the real daemon. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerTrainingBackendFaultsIT {
    @TempDir
    Path tmp;

    private DockerTestDaemon daemon;
    private DockerClient client;
    private final DirectoryStorageFake storage = new DirectoryStorageFake();
    private DockerTrainingBackend backend;
    private JobWaiter waiter;
    private Path data;

    @BeforeAll
    void needsDaemonAndImage() {
        daemon = DockerTestDaemon.connect();
        client = daemon.client();
    }

    @AfterAll
    void closeClient() {
        daemon.close();
    }

    @BeforeEach
    void setUp() throws IOException {
        backend = DockerTestDaemon.backend(tmp.resolve("jobs"), storage, Duration.ofSeconds(2)).build();
        waiter = DockerTestDaemon.waiter(backend);
        data = Files.createDirectories(tmp.resolve("data/train"));
        Files.writeString(data.resolve("a.csv"), "a,b\n1,2\n");
    }

    @Test
    void submit_whenImageMissing_throwsImageNotFoundSayingHowToBuildIt() {
        TrainingJobSpec spec = spec("drydock-test/never-built:1").build();

        assertThatThrownBy(() -> backend.submit(spec)).isInstanceOfSatisfying(ImageNotFoundException.class, e -> {
            assertThat(e.image()).isEqualTo("drydock-test/never-built:1");
            assertThat(e.getMessage()).contains("never pulls", "docker build -t drydock-test/never-built:1");
        });
        assertThat(tmp.resolve("jobs").resolve(spec.name().value())).doesNotExist();
    }

    @Test
    void submit_whenImageHasNoEntrypoint_throwsInvalidInputNamingTheFix() {
        TrainingJobSpec spec = spec(ScriptedImage.BASE).build();

        assertThatThrownBy(() -> backend.submit(spec)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(ScriptedImage.BASE).hasMessageContaining("ENTRYPOINT").hasMessageContaining("containerEntrypoint");
    }

    @Test
    void describe_whenOneHostFailsWhileAnotherRuns_failsWithItsReasonAndRemovesContainersAndNetwork() throws Exception {
        TrainingJobSpec spec = spec(ScriptedImage.IMAGE).resources(Resources.of("ml.m5.large", 2))
                .containerEntrypoint(List.of("java", "-cp", ScriptedImage.LOCAL_TEST_CLASSES, HostFailingTrainer.class.getName()))
                .build();
        long start = System.nanoTime();
        backend.submit(spec);

        JobDescription done = waiter.awaitEnd(spec.name());

        assertThat(done.state()).isEqualTo(JobState.FAILED);
        assertThat(done.failureReason()).startsWith(HostFailingTrainer.REASON);
        assertThat((System.nanoTime() - start) / 1_000_000).as("algo-1 was stopped, not awaited for 60 s").isLessThan(30_000L);
        assertThat(storage.exists(spec.modelArtifactUri())).isFalse();
        daemon.assertNothingLeft(spec.name());
    }

    @Test
    void job_whenThreeHosts_everyHostReachesTheLeaderAsAlgo1OnTheJobsNetwork() throws Exception {
        TrainingJobSpec spec = spec(ScriptedImage.IMAGE).resources(Resources.of("ml.m5.large", 3))
                .containerEntrypoint(List.of("java", "-cp", ScriptedImage.LOCAL_TEST_CLASSES, PeerCheckTrainer.class.getName()))
                .build();
        backend.submit(spec);

        JobDescription done = waiter.awaitEnd(spec.name());

        assertThat(done.state()).as(done.failureReason()).isEqualTo(JobState.COMPLETED);
        Map<String, byte[]> model = TarGzFixtures.read(storage.get(spec.modelArtifactUri(), tmp.resolve("model.tar.gz")));
        assertThat(new String(model.get("peers.txt"))).isEqualTo("algo-2,algo-3\n");
        assertThat(waiter.allLogs(spec.name())).extracting(e -> e.message())
                .contains("algo-2 uses the tracker at algo-1:" + PeerCheckTrainer.DEFAULT_PORT);
        daemon.assertNothingLeft(spec.name());
    }

    @Test
    void job_whenOneOfThreeHostsIsKilled_failsNamingItAndStopsTheOthers() throws Exception {
        TrainingJobSpec spec = ContainerBehaviour.SLEEP_UNTIL_STOPPED.applyTo(spec(ScriptedImage.IMAGE))
                .resources(Resources.of("ml.m5.large", 3)).build();
        backend.submit(spec);
        String algo2 = daemon.runningContainerOf(spec.name(), "algo-2");
        long start = System.nanoTime();

        client.killContainerCmd(algo2).withSignal("SIGKILL").exec();
        JobDescription done = waiter.awaitEnd(spec.name());

        assertThat(done.state()).isEqualTo(JobState.FAILED);
        assertThat(done.failureReason()).startsWith("algo-2: the trainer was killed by signal SIGKILL");
        assertThat((System.nanoTime() - start) / 1_000_000).as("the others stopped, not awaited for 60 s").isLessThan(30_000L);
        daemon.assertNothingLeft(spec.name());
    }

    @Test
    void describe_whenCompleted_filesWrittenInTheContainerBelongToTheCaller() throws Exception {
        TrainingJobSpec spec = ContainerBehaviour.SUCCEED.applyTo(spec(ScriptedImage.IMAGE)).build();
        backend.submit(spec);

        assertThat(waiter.awaitEnd(spec.name()).state()).isEqualTo(JobState.COMPLETED);

        Path model = tmp.resolve("jobs").resolve(spec.name().value()).resolve("algo-1/model/" + ScriptedContainer.MODEL_FILE);
        assertThat(Files.getAttribute(model, "unix:uid")).isEqualTo(Files.getAttribute(tmp, "unix:uid"));
        daemon.assertNothingLeft(spec.name());
    }

    @Test
    void describe_whenContainerExceedsItsMemoryLimit_failsWithTheOutOfMemoryReason() throws Exception {
        DockerTrainingBackend limited = memoryLimited("64m", Duration.ofSeconds(2));
        // -Xmx far above the limit, so the kernel's OOM killer ends it, not the JVM's own OutOfMemoryError.
        TrainingJobSpec spec = memoryHog("-Xmx1g", 512);
        limited.submit(spec);

        JobDescription done = DockerTestDaemon.waiter(limited).awaitEnd(spec.name());

        assertThat(done.state()).isEqualTo(JobState.FAILED);
        assertThat(done.failureReason()).startsWith("algo-1: out of memory: the container exceeded its memory limit of 64 MiB"
                + " and was killed (exit code 137); raise the limit (the docker backend's memory setting: --memory 4g)");
        daemon.assertNothingLeft(spec.name());
    }

    @Test
    void describe_whenTheJvmHeapRunsOutBeforeTheLimit_failsNamingOutOfMemoryErrorAndXmx() throws Exception {
        DockerTrainingBackend limited = memoryLimited("256m", Duration.ofSeconds(2));
        TrainingJobSpec spec = memoryHog("-Xmx32m", 128);
        limited.submit(spec);

        JobDescription done = DockerTestDaemon.waiter(limited).awaitEnd(spec.name());

        assertThat(done.state()).isEqualTo(JobState.FAILED);
        assertThat(done.failureReason()).startsWith("algo-1: the trainer exited with exit code 1")
                .contains("java.lang.OutOfMemoryError", "java_heap=4g", "--trainer-heap 4g").doesNotContain("out of memory: the container");
        daemon.assertNothingLeft(spec.name());
    }

    @Test
    void describe_whenMemoryLimitedContainerIsStopped_isStoppedNotOutOfMemory() throws Exception {
        DockerTrainingBackend limited = memoryLimited("256m", Duration.ofSeconds(1));
        JobWaiter limitedWaiter = DockerTestDaemon.waiter(limited);
        TrainingJobSpec spec = ContainerBehaviour.IGNORE_SIGTERM.applyTo(spec(ScriptedImage.IMAGE)).build();
        limited.submit(spec);
        limitedWaiter.awaitLogLine(spec.name(), ScriptedContainer.SLEEPING_LINE);

        limited.stop(spec.name());
        JobDescription done = limitedWaiter.awaitEnd(spec.name());

        assertThat(done.state()).as("SIGKILL after the grace period is a stop, not an out-of-memory kill").isEqualTo(JobState.STOPPED);
        assertThat(done.failureReason()).isNull();
        daemon.assertNothingLeft(spec.name());
    }

    private DockerTrainingBackend memoryLimited(String limit, Duration grace) {
        return DockerTestDaemon.backend(tmp.resolve("jobs"), storage, grace).memoryLimit(limit).build();
    }

    /** A job whose container JVM (heap {@code xmx}) allocates {@code mib} MiB. */
    private TrainingJobSpec memoryHog(String xmx, int mib) {
        return spec(ScriptedImage.IMAGE).hyperparameter(MemoryHogTrainer.MIB_HYPERPARAMETER, String.valueOf(mib))
                .containerEntrypoint(List.of("java", xmx, "-XX:+UseSerialGC", "-cp", ScriptedImage.LOCAL_TEST_CLASSES,
                        MemoryHogTrainer.class.getName()))
                .build();
    }

    private TrainingJobSpec.Builder spec(String image) {
        return TrainingJobSpec.builder().image(image).name(JobName.generate("docker-fault"))
                .channel("train", StorageUri.of(data)).outputPath(StorageUri.of(tmp).resolve("out/"));
    }
}
