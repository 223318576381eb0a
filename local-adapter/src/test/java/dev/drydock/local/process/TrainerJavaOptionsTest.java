package dev.drydock.local.process;

import dev.drydock.core.BackendSettings;
import dev.drydock.core.Backends;
import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.local.job.StorageModelPublisher;
import dev.drydock.local.storage.FileSystemStorage;
import dev.drydock.testkit.JobWaiter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 10 item 13: the trainer's heap is a backend setting ({@code trainer-heap}), and {@code DRYDOCK_JAVA_OPTS} of
 * the submitting process reaches the trainer JVM as options (its only variable that does).
 */
class TrainerJavaOptionsTest {
    @TempDir
    Path root;

    @Test
    void submit_whenTheSubmittingProcessHasDrydockJavaOpts_theTrainerJvmGetsThem() throws Exception {
        Path jobRoot = root.resolve("jobs");
        JobName name = JobName.of("java-opts");
        ProcessBuilder jvm = new ProcessBuilder(ChildProcessTrainingBackend.Builder.javaExecutable(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), RunOneJobJvm.class.getName(),
                jobRoot.toString(), name.value(), data().toString(), root.resolve("output").toString(),
                ChildProcessTrainingBackend.Builder.javaExecutable(), "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), HeapTrainer.class.getName())
                .redirectErrorStream(true);
        jvm.environment().put(ChildProcessTrainingBackend.JAVA_OPTIONS_ENV, "-D" + HeapTrainer.PROBE + "=from-submitter -Xmx300m");
        Process p = jvm.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("ended Completed");

        List<String> lines = logs(reader(jobRoot), name);
        assertThat(lines).contains(HeapTrainer.PROBE_LINE + "from-submitter")
                .noneMatch(l -> l.contains(ChildProcessTrainingBackend.JAVA_OPTIONS_ENV));
        assertThat(heapMib(lines)).as("-Xmx300m from DRYDOCK_JAVA_OPTS").isBetween(250L, 300L);
    }

    @Test
    void submit_withATrainerHeap_theTrainerJvmHasThatHeapOverAnXmxInTheJavaOptions() throws Exception {
        Path jobRoot = root.resolve("jobs");
        FileSystemStorage storage = FileSystemStorage.create();
        ChildProcessTrainingBackend backend = ChildProcessTrainingBackend.builder().jobRoot(jobRoot).storage(storage)
                .modelPublisher(new StorageModelPublisher(storage)).javaOptions("-Xmx300m").trainerHeap("180m")
                .command(List.of(ChildProcessTrainingBackend.Builder.javaExecutable(), "-XX:+UseSerialGC", "-cp",
                        System.getProperty("java.class.path"), HeapTrainer.class.getName()))
                .build();
        JobName name = JobName.of("trainer-heap");
        backend.submit(TrainingJobSpec.builder().image("drydock/scripted:latest").name(name)
                .channel("train", StorageUri.of(data()).asPrefix())
                .outputPath(StorageUri.of(root.resolve("output")).asPrefix()).build());

        JobDescription done = new JobWaiter(backend, Duration.ofMillis(50), Duration.ofSeconds(60)).awaitEnd(name);

        List<String> lines = logs(backend, name);
        assertThat(done.state()).as("the job, with its log %s", lines).isEqualTo(JobState.COMPLETED);
        assertThat(heapMib(lines)).as("-Xmx180m from trainer-heap, after DRYDOCK_JAVA_OPTS' -Xmx300m").isBetween(140L, 180L);
        assertThat(lines).contains(HeapTrainer.PROBE_LINE + "unset");
    }

    @Test
    void named_withATrainerHeapSetting_takesItAndRefusesOneTooSmallNamingTheOption() {
        assertThat(Backends.settings("process"))
                .anyMatch(s -> s.key().equals("trainer-heap"));
        assertThat(Backends.settings("docker"))
                .anyMatch(s -> s.key().equals("trainer-heap"));
        BackendSettings settings = BackendSettings.empty().with("home", root.toString())
                .with("trainer-command", "java -version").with("trainer-heap", "64k", "--trainer-heap");

        assertThatThrownBy(() -> Backends.named("process", settings)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("--trainer-heap").hasMessageContaining("64").hasMessageContaining("at least 128m");
    }

    @Test
    void named_whenHomeIsAFile_refusesNamingTheOptionAndCreatesNothing() throws Exception {
        Path file = Files.writeString(root.resolve("home.txt"), "not a folder");
        BackendSettings settings = BackendSettings.empty().with("home", file.toString(), "--home")
                .with("trainer-command", "java -version");

        assertThatThrownBy(() -> Backends.named("process", settings)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("--home").hasMessageContaining(file.toString()).hasMessageContaining("is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    private Path data() throws Exception {
        Path data = Files.createDirectories(root.resolve("input/train"));
        Files.writeString(data.resolve("data.csv"), "a,b\n1,2\n");
        return data;
    }

    private static ChildProcessTrainingBackend reader(Path jobRoot) {
        FileSystemStorage storage = FileSystemStorage.create();
        return ChildProcessTrainingBackend.builder().jobRoot(jobRoot).storage(storage)
                .modelPublisher(new StorageModelPublisher(storage)).command(List.of("false")).build();
    }

    private static List<String> logs(ChildProcessTrainingBackend backend, JobName name) {
        return backend.readLogs(name, LogCursor.START).events().stream().map(LogEvent::message).toList();
    }

    private static long heapMib(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith(HeapTrainer.HEAP_LINE))
                .map(l -> Long.parseLong(l.substring(HeapTrainer.HEAP_LINE.length()))).findFirst()
                .orElseThrow(() -> new AssertionError("no heap line in " + lines));
    }
}
