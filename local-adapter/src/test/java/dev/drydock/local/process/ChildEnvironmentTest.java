package dev.drydock.local.process;

import dev.drydock.core.model.JobName;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogEvent;
import dev.drydock.local.job.StorageModelPublisher;
import dev.drydock.local.storage.FileSystemStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The trainer child process gets a clean environment, as a container does: never the caller's secrets. */
class ChildEnvironmentTest {
    @TempDir
    Path root;

    @Test
    void of_whenTheParentHoldsSecrets_passesOnlyWhatAProgramNeedsAndTheJobsOwn() {
        Map<String, String> env = ChildEnvironment.of(Map.of("PATH", "/usr/bin", "LC_ALL", "C.UTF-8", "HOME", "/home/me",
                "AWS_SECRET_ACCESS_KEY", "s3cr3t", "DB_PASSWORD", "hunter2", "GITHUB_TOKEN", "ghp"), Map.of("JOB_OWN", "yes"));

        assertThat(env).containsEntry("PATH", "/usr/bin").containsEntry("LC_ALL", "C.UTF-8").containsEntry("HOME", "/home/me")
                .containsEntry("JOB_OWN", "yes").containsEntry("OMP_WAIT_POLICY", "PASSIVE")
                .doesNotContainKeys("AWS_SECRET_ACCESS_KEY", "DB_PASSWORD", "GITHUB_TOKEN");
    }

    @Test
    void of_whenTheJobSetsAVariable_theJobsValueWins() {
        assertThat(ChildEnvironment.of(Map.of("PATH", "/usr/bin"), Map.of("PATH", "/opt/bin", "OMP_WAIT_POLICY", "ACTIVE")))
                .containsEntry("PATH", "/opt/bin").containsEntry("OMP_WAIT_POLICY", "ACTIVE");
    }

    @Test
    void submit_whenTheSubmittingJvmHasSecretsInItsEnvironment_theTrainerSeesNone() throws Exception {
        Path jobRoot = root.resolve("jobs");
        Path data = Files.createDirectories(root.resolve("input/train"));
        Files.writeString(data.resolve("data.csv"), "a,b\n1,2\n");
        JobName name = JobName.of("clean-env");
        ProcessBuilder jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), RunOneJobJvm.class.getName(),
                jobRoot.toString(), name.value(), data.toString(), root.resolve("output").toString(), "sh", "-c", "env")
                .redirectErrorStream(true);
        jvm.environment().put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI");
        jvm.environment().put("MY_DB_PASSWORD", "hunter2");
        Process p = jvm.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("ended Completed");

        FileSystemStorage storage = FileSystemStorage.create();
        List<String> lines = ChildProcessTrainingBackend.builder().jobRoot(jobRoot).storage(storage)
                .modelPublisher(new StorageModelPublisher(storage)).command(List.of("false")).build()
                .readLogs(name, LogCursor.START).events().stream().map(LogEvent::message).toList();
        assertThat(lines).as("the trainer's environment, as env printed it").contains("JOB_OWN=yes", "TRAINING_JOB_NAME=clean-env")
                .anyMatch(l -> l.startsWith("PATH="))
                .noneMatch(l -> l.contains("AWS_SECRET_ACCESS_KEY") || l.contains("PASSWORD") || l.contains("hunter2"));
    }
}
