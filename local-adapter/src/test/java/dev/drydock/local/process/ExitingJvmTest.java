package dev.drydock.local.process;

import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;
import dev.drydock.local.TestTrainers;
import dev.drydock.local.job.StorageModelPublisher;
import dev.drydock.local.storage.FileSystemStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM that runs a job and is ended by SIGTERM (what Ctrl-C or a service manager sends) stops the job as a stop
 * request would: the trainer gets SIGTERM and its grace period, what it saved is published, the job ends Stopped.
 */
class ExitingJvmTest {
    @TempDir
    Path root;

    @Test
    void sigterm_whenTheSubmittingJvmRunsAJob_jobEndsStoppedWithWhatTheTrainerSaved() throws Exception {
        Path jobRoot = root.resolve("jobs");
        Path data = Files.createDirectories(root.resolve("input/train"));
        Files.writeString(data.resolve("data.csv"), "a,b\n1,2\n");
        JobName name = JobName.of("exiting-jvm");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), SubmittingJvm.class.getName(),
                jobRoot.toString(), name.value(), data.toString(), root.resolve("output").toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("running")) {
                // the JVM's own output until the job runs
            }
            assertThat(line).as("the submitting JVM got its job running").isEqualTo("running");
            jvm.destroy(); // SIGTERM
            assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).as("the JVM ended within its job's grace period").isTrue();
        } finally {
            jvm.destroyForcibly();
        }

        FileSystemStorage storage = FileSystemStorage.create();
        JobDescription d = ChildProcessTrainingBackend.builder().jobRoot(jobRoot).storage(storage)
                .modelPublisher(new StorageModelPublisher(storage)).command(List.of("false")).build().describe(name);
        assertThat(d.state()).isEqualTo(JobState.STOPPED);
        assertThat(d.modelArtifactIfAny()).as("the partial model the trainer saved on SIGTERM").isPresent();
        assertThat(d.modelArtifact().toPath()).isRegularFile();
        assertThat(d.transitions()).anyMatch(t -> t.message().contains("is exiting; stopping the job"));
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(jobRoot.toString())))
                .as("no trainer of this job is left running").isEmpty();
    }
}
