package dev.drydock.local.docker;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;
import dev.drydock.local.process.ChildProcessTrainingBackend;
import dev.drydock.local.storage.FileSystemStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 10 item 3 on the Docker backend: after {@code kill -9} of the JVM that submitted a job, its container runs on
 * (no shutdown hook removed it); a later {@code describe} or {@code stop} from another process finds it by the id
 * recorded in the job folder, stops it as a stop does (SIGTERM, the grace period, SIGKILL) and removes it, and the
 * job reads as Failed because its submitting process died.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerLeftoversIT {
    @TempDir
    Path tmp;

    private DockerTestDaemon daemon;
    private final java.util.List<String> started = new java.util.ArrayList<>();

    @BeforeAll
    void needsDaemonAndImage() {
        daemon = DockerTestDaemon.connect();
    }

    @AfterEach
    void removeWhatAFailedTestLeft() {
        for (String id : started) {
            try {
                daemon.client().removeContainerCmd(id).withForce(true).exec();
            } catch (NotFoundException e) {
                // removed, as it should be
            }
        }
        started.clear();
    }

    @AfterAll
    void closeClient() {
        daemon.close();
    }

    @Test
    void describe_fromAnotherProcess_whenTheSubmittingJvmWasKilled_stopsItsContainerAfterTheGracePeriodAndFailsSayingWhy()
            throws Exception {
        Path jobRoot = tmp.resolve("jobs");
        JobName name = JobName.generate("docker-orphan");
        // A container that ignores SIGTERM: only the SIGKILL at the end of the grace period ends it.
        String container = orphanContainer(jobRoot, name, "IGNORE_SIGTERM");
        FileSystemStorage storage = FileSystemStorage.create();
        DockerTrainingBackend reader = DockerTestDaemon.backend(jobRoot, storage, Duration.ofSeconds(2)).build();

        long start = System.nanoTime();
        JobDescription d = reader.describe(name);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(d.state()).isEqualTo(JobState.FAILED);
        assertThat(d.failureReason()).contains("the process that submitted the job", "died before the job ended",
                "its hosts still running (algo-1) were stopped");
        assertThat(tookMillis).as("docker stop with the 2 s grace period, then SIGKILL").isBetween(1_500L, 30_000L);
        assertThatThrownBy(() -> daemon.client().inspectContainerCmd(container).exec())
                .as("the leftover container, stopped and removed").isInstanceOf(NotFoundException.class);
        daemon.assertNothingLeft(name);
        assertThat(jobRoot.resolve(name.value()).resolve("algo-1").resolve(LeftoverContainers.FILE))
                .as("the container id recorded in the job folder").content().isEqualToIgnoringWhitespace(container);
    }

    @Test
    void stop_fromAnotherProcess_whenTheSubmittingJvmWasKilled_stopsItsContainerAndTheJobHasEnded() throws Exception {
        Path jobRoot = tmp.resolve("jobs");
        JobName name = JobName.generate("docker-orphan-stop");
        String container = orphanContainer(jobRoot, name, "SLEEP_UNTIL_STOPPED");
        FileSystemStorage storage = FileSystemStorage.create();
        DockerTrainingBackend reader = DockerTestDaemon.backend(jobRoot, storage, Duration.ofSeconds(30)).build();

        reader.stop(name);

        assertThatThrownBy(() -> daemon.client().inspectContainerCmd(container).exec())
                .as("the leftover container, stopped and removed").isInstanceOf(NotFoundException.class);
        JobDescription d = reader.describe(name);
        assertThat(d.state()).as("ended, so a stop has nothing to do").isEqualTo(JobState.FAILED);
        assertThat(d.failureReason()).contains("died before the job ended");
        assertThat(dev.drydock.local.job.JobFolder.of(jobRoot, name).stopRequestFile())
                .as("no stop request is left for a JVM that no longer exists").doesNotExist();
    }

    /**
     * Starts a {@link SubmittingDockerJvm} whose container behaves as {@code behaviour}, kills it with SIGKILL once the
     * container runs, and returns the container's id; the container runs on.
     */
    private String orphanContainer(Path jobRoot, JobName name, String behaviour) throws Exception {
        Path data = Files.createDirectories(tmp.resolve(name.value() + "/train"));
        Files.writeString(data.resolve("data.csv"), "a,b\n1,2\n");
        Process jvm = new ProcessBuilder(ChildProcessTrainingBackend.Builder.javaExecutable(), "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), SubmittingDockerJvm.class.getName(), jobRoot.toString(),
                name.value(), data.toString(), tmp.resolve(name.value() + "/output").toString(), behaviour)
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals("running")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("the submitting JVM got its job running; it printed:\n%s", seen).isEqualTo("running");
            String container = daemon.runningContainerOf(name, "algo-1");
            started.add(container);
            jvm.destroyForcibly(); // SIGKILL: no shutdown hook removes the container
            assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(500);
            assertThat(daemon.client().inspectContainerCmd(container).exec().getState().getRunning())
                    .as("the container outlived the JVM that submitted it").isTrue();
            return container;
        } finally {
            jvm.destroyForcibly();
        }
    }
}
