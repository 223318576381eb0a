package dev.drydock.local.process;

import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.model.SecondaryStatus;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.local.TestTrainers;
import dev.drydock.local.job.ArtifactStoreModelPublisher;
import dev.drydock.local.storage.FileSystemArtifactStore;
import dev.drydock.local.storage.FileSystemStorage;
import dev.drydock.testkit.ContainerBehaviour;
import dev.drydock.testkit.ScriptedContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs are persisted on disk so that another JVM can describe them, read their logs and stop them by name: proved
 * with a real second JVM ({@link RemoteJobClient}, started with this JVM's class path).
 */
class ChildProcessCrossJvmTest {
    @TempDir
    Path jobRoot;

    @TempDir
    Path storageRoot;

    @TempDir
    Path scratch;

    private final FileSystemStorage storage = FileSystemStorage.create();
    private ChildProcessTrainingBackend backend;
    private StorageUri train;

    @BeforeEach
    void setUp() throws IOException {
        backend = ChildProcessTrainingBackend.builder().jobRoot(jobRoot).storage(storage)
                .modelPublisher(new ArtifactStoreModelPublisher(new FileSystemArtifactStore(storage), storage))
                .command(TestTrainers.scriptedContainerCommand()).gracePeriod(Duration.ofSeconds(5)).build();
        Path data = Files.createDirectories(storageRoot.resolve("input/train"));
        Files.writeString(data.resolve("data.csv"), "a,b\n1,2\n");
        train = StorageUri.of(data).asPrefix();
    }

    @Test
    void anotherJvm_whenJobRunsHere_describesReadsLogsFromSavedCursorAndStopsIt() throws Exception {
        TrainingJobSpec spec = spec(ContainerBehaviour.SLEEP_UNTIL_STOPPED);
        backend.submit(spec);
        LogPage first = awaitLine(spec.name(), ScriptedContainer.SLEEPING_LINE);
        String savedCursor = first.next().token();

        List<String> out = runOtherJvm(spec.name(), "stop", savedCursor);

        assertThat(out).contains("state=InProgress", "secondaryStatus=Training", "arn=" + backend.describe(spec.name()).arn());
        assertThat(out).contains("fromStart.line=algo-1|" + ScriptedContainer.SLEEPING_LINE);
        assertThat(out).as("resuming from the cursor saved as text repeats nothing").contains("fromSavedCursor.count=0");
        assertThat(out).as("the partial model the stopped trainer saved is published, as SageMaker does")
                .contains("after.state=Stopped", "after.secondaryStatus=Stopped", "after.modelArtifact=" + spec.modelArtifactUri());
        assertThat(out).as("the lines after the first read, once each")
                .contains("afterStop.line=algo-1|" + ScriptedContainer.SIGTERM_LINE)
                .doesNotContain("afterStop.line=algo-1|" + ScriptedContainer.SLEEPING_LINE);
        JobDescription here = awaitEnd(spec.name());
        assertThat(here.state()).isEqualTo(JobState.STOPPED);
        assertThat(here.secondaryStatus()).isEqualTo(SecondaryStatus.STOPPED);
        assertThat(here.modelArtifact()).isEqualTo(spec.modelArtifactUri());
        assertThat(storage.exists(spec.modelArtifactUri())).isTrue();
        String cursorAfterStop = value(out, "cursorAfterStop=");
        assertThat(backend.readLogs(spec.name(), new LogCursor(cursorAfterStop)).events())
                .as("the other JVM's cursor, saved as text, resumes here after everything it read").isEmpty();
    }

    @Test
    void freshJvm_whenJobEndedInTheOwningJvm_describesItCompletedWithItsModel() throws Exception {
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED);
        backend.submit(spec);
        assertThat(awaitEnd(spec.name()).state()).isEqualTo(JobState.COMPLETED);

        List<String> out = runOtherJvm(spec.name(), "describe");

        assertThat(out).contains("state=Completed", "secondaryStatus=Completed", "modelArtifact=" + spec.modelArtifactUri());
        assertThat(storage.exists(spec.modelArtifactUri())).isTrue();
    }

    private TrainingJobSpec spec(ContainerBehaviour behaviour) {
        return behaviour.applyTo(TrainingJobSpec.builder().image("drydock/scripted:latest"))
                .name(JobName.generate("cross-jvm-" + behaviour.wireName()))
                .channel("train", train)
                .outputPath(StorageUri.of(storageRoot.resolve("output")).asPrefix())
                .build();
    }

    /** Runs {@link RemoteJobClient} in a new JVM with this JVM's class path; its stdout lines. */
    private List<String> runOtherJvm(JobName name, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                RemoteJobClient.class.getName(), jobRoot.toString(), name.value()));
        line.addAll(List.of(command));
        Path output = scratch.resolve("remote-" + command[0] + ".txt");
        Process p = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(p.pid()).as("a separate process").isNotEqualTo(ProcessHandle.current().pid());
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the other JVM did not finish in 90 s; it printed:\n" + Files.readString(output));
        }
        List<String> out = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("exit code of the other JVM; it printed:\n%s", String.join("\n", out)).isZero();
        assertThat(out).contains("done=true");
        return out;
    }

    private LogPage awaitLine(JobName name, String message) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            LogPage page = backend.readLogs(name, LogCursor.START);
            if (page.events().stream().map(LogEvent::message).anyMatch(message::equals)) {
                return page;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + name + " did not log \"" + message + "\" in 60 s; state " + backend.describe(name));
    }

    private JobDescription awaitEnd(JobName name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JobDescription d = backend.describe(name);
        while (!d.state().isTerminal() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            d = backend.describe(name);
        }
        assertThat(d.state().isTerminal()).as("job %s ended in 60 s: %s", name, d).isTrue();
        return d;
    }

    private static String value(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                .collect(Collectors.collectingAndThen(Collectors.toList(), l -> {
                    assertThat(l).as("one line starting %s", prefix).hasSize(1);
                    return l.get(0);
                }));
    }
}
