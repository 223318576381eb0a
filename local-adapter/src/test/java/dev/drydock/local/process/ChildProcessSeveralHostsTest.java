package dev.drydock.local.process;

import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.Resources;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.local.DirectoryStorageFake;
import dev.drydock.local.PeerCheckTrainer;
import dev.drydock.local.TestTrainers;
import dev.drydock.local.job.StorageModelPublisher;
import dev.drydock.testkit.JobWaiter;
import dev.drydock.testkit.TarGzFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Child-process hosts of one job reach each other on loopback, at a port the backend allocates per job. */
class ChildProcessSeveralHostsTest {
    private static final Pattern TRACKER = Pattern.compile("uses the tracker at (\\S+):(\\d+)");

    @TempDir
    Path tmp;

    private final DirectoryStorageFake storage = new DirectoryStorageFake();
    private ChildProcessTrainingBackend backend;
    private JobWaiter waiter;
    private Path data;

    @BeforeEach
    void setUp() throws IOException {
        backend = ChildProcessTrainingBackend.builder()
                .jobRoot(tmp.resolve("jobs"))
                .storage(storage)
                .modelPublisher(new StorageModelPublisher(storage))
                .command(TestTrainers.scriptedContainerCommand())
                .gracePeriod(Duration.ofSeconds(2))
                .build();
        waiter = new JobWaiter(backend, Duration.ofMillis(50), Duration.ofSeconds(90));
        data = Files.createDirectories(tmp.resolve("data/train"));
        Files.writeString(data.resolve("a.csv"), "a,b\n1,2\n");
    }

    @Test
    void job_whenThreeHosts_everyHostReachesTheLeaderAtTheJobsTrackerAddress() throws IOException {
        TrainingJobSpec spec = peerCheck(3);
        backend.submit(spec);

        JobDescription done = waiter.awaitEnd(spec.name());

        assertThat(done.state()).as(done.failureReason()).isEqualTo(JobState.COMPLETED);
        Map<String, byte[]> model = TarGzFixtures.read(storage.get(spec.modelArtifactUri(), tmp.resolve("model.tar.gz")));
        assertThat(new String(model.get("peers.txt"))).isEqualTo("algo-2,algo-3\n");
        assertThat(trackerOf(spec.name())).startsWith("127.0.0.1:").isNotEqualTo("127.0.0.1:" + PeerCheckTrainer.DEFAULT_PORT);
    }

    @Test
    void job_whenTwoJobsOfSeveralHostsRunAtOnce_eachGetsItsOwnTrackerPort() {
        TrainingJobSpec first = peerCheck(2);
        TrainingJobSpec second = peerCheck(2);
        backend.submit(first);
        backend.submit(second);

        assertThat(waiter.awaitEnd(first.name()).state()).isEqualTo(JobState.COMPLETED);
        assertThat(waiter.awaitEnd(second.name()).state()).isEqualTo(JobState.COMPLETED);
        assertThat(trackerOf(first.name())).isNotEqualTo(trackerOf(second.name()));
    }

    @Test
    void job_whenOneHostIsKilledWithSigkill_failsNamingItAndStopsTheOthers() {
        String script = "if grep -q '\"current_host\":\"algo-2\"' \"$DRYDOCK_ML_ROOT/input/config/resourceconfig.json\"; then"
                + " sleep 0.5; kill -9 $$; else echo working; exec sleep 60; fi";
        TrainingJobSpec spec = base().resources(Resources.of("ml.m5.large", 3))
                .containerEntrypoint(List.of("sh", "-c", script)).build();
        long start = System.nanoTime();
        backend.submit(spec);

        JobDescription done = waiter.awaitEnd(spec.name());

        assertThat(done.state()).isEqualTo(JobState.FAILED);
        assertThat(done.failureReason()).startsWith("algo-2: the trainer was killed by signal SIGKILL");
        assertThat((System.nanoTime() - start) / 1_000_000).as("algo-1 and algo-3 stopped, not awaited for 60 s")
                .isLessThan(20_000L);
    }

    @Test
    void job_whenOneHostNeverStarts_failsNamingItAndStopsTheOthers() {
        // algo-3's command does not exist in its folder: the shell cannot run it (exit 127), as an image that cannot start.
        String script = "if grep -q '\"current_host\":\"algo-3\"' \"$DRYDOCK_ML_ROOT/input/config/resourceconfig.json\"; then"
                + " exec ./no-such-trainer; else echo working; exec sleep 60; fi";
        TrainingJobSpec spec = base().resources(Resources.of("ml.m5.large", 3))
                .containerEntrypoint(List.of("sh", "-c", script)).build();
        backend.submit(spec);

        JobDescription done = waiter.awaitEnd(spec.name());

        assertThat(done.state()).isEqualTo(JobState.FAILED);
        assertThat(done.failureReason()).startsWith("algo-3: the trainer exited with exit code 127");
    }

    private String trackerOf(JobName job) {
        for (LogEvent e : waiter.allLogs(job)) {
            Matcher m = TRACKER.matcher(e.message());
            if (m.find()) {
                return m.group(1) + ":" + m.group(2);
            }
        }
        throw new AssertionError("no host of " + job + " logged its tracker address");
    }

    private TrainingJobSpec peerCheck(int hosts) {
        return base().resources(Resources.of("ml.m5.large", hosts))
                .containerEntrypoint(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", testClasses().toString(),
                        PeerCheckTrainer.class.getName()))
                .build();
    }

    private TrainingJobSpec.Builder base() {
        return TrainingJobSpec.builder().image("drydock/scripted:latest")
                .name(JobName.generate("hosts"))
                .channel("train", StorageUri.of(data))
                .outputPath(StorageUri.of(tmp).resolve("out/"));
    }

    private static Path testClasses() {
        try {
            return Path.of(PeerCheckTrainer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
