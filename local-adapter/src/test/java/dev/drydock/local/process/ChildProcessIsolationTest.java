package dev.drydock.local.process;

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
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 10 items 3 and 6: a trainer child runs in a session of its own (Ctrl-C in a terminal reaches only the JVM),
 * unpacks native libraries into its host's own temp folder, which goes when the job ends, and dies with the JVM that
 * submitted it, also when that JVM is killed with SIGKILL.
 */
@EnabledOnOs(OS.LINUX) // /proc and setsid
class ChildProcessIsolationTest {
    @TempDir
    Path root;

    @Test
    void job_whenTheTrainerUnpacksANativeLibrary_itLandsInTheHostsTmpdirWhichIsGoneAfterTheJobAndTheGroupIsItsOwn() throws Exception {
        assertThat(HostWatchdog.ownSession()).as("setsid is installed on this machine (util-linux)").isTrue();
        Path jobRoot = root.resolve("jobs");
        FileSystemStorage storage = FileSystemStorage.create();
        ChildProcessTrainingBackend backend = ChildProcessTrainingBackend.builder().jobRoot(jobRoot).storage(storage)
                .modelPublisher(new StorageModelPublisher(storage)).gracePeriod(Duration.ofSeconds(1))
                .command(List.of(ChildProcessTrainingBackend.Builder.javaExecutable(), "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), TmpDirTrainer.class.getName()))
                .build();
        JobName name = JobName.of("tmpdir-job");
        backend.submit(spec(name));
        JobDescription done = new JobWaiter(backend, Duration.ofMillis(50), Duration.ofSeconds(60)).awaitEnd(name);

        List<String> lines = backend.readLogs(name, LogCursor.START).events().stream().map(LogEvent::message).toList();
        assertThat(done.state()).as("the job, with its log %s", lines).isEqualTo(JobState.COMPLETED);
        Path tmpdir = Path.of(valueOf(lines, TmpDirTrainer.TMPDIR_LINE));
        // Compared as names: AssertJ's startsWith on a Path resolves it on disk, and the folder is gone by now.
        assertThat(tmpdir.toString()).as("the trainer's java.io.tmpdir is its host's own temp folder")
                .isEqualTo(jobRoot.resolve(name.value()).resolve("algo-1").resolve(ChildProcessLauncher.HOST_TMP).toString());
        assertThat(tmpdir).as("the host's temp folder, with the unpacked library, is removed at the end").doesNotExist();
        try (Stream<Path> files = Files.walk(jobRoot)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("libxgboost4j"))).isEmpty();
        }
        assertThat(Long.parseLong(valueOf(lines, TmpDirTrainer.PGID_LINE)))
                .as("the trainer's process group is not this JVM's, so a terminal's Ctrl-C reaches only the JVM")
                .isNotEqualTo(HostPids.processGroup(ProcessHandle.current().pid()));
    }

    @Test
    void sigkill_ofTheSubmittingJvm_theTrainerDiesWithinTheGracePeriodAndItsTmpdirGoes() throws Exception {
        Path jobRoot = root.resolve("jobs");
        Path data = Files.createDirectories(root.resolve("input/train"));
        Files.writeString(data.resolve("data.csv"), "a,b\n1,2\n");
        JobName name = JobName.of("orphan-job");
        Process jvm = new ProcessBuilder(ChildProcessTrainingBackend.Builder.javaExecutable(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), SubmittingJvm.class.getName(),
                jobRoot.toString(), name.value(), data.toString(), root.resolve("output").toString())
                .redirectErrorStream(true).start();
        List<ProcessHandle> hosts;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("running")) {
                // the JVM's own output until the job runs
            }
            assertThat(line).as("the submitting JVM got its job running").isEqualTo("running");
            hosts = jvm.toHandle().descendants().toList();
            assertThat(hosts).as("the host's trainer (and its watchdog shell)").isNotEmpty();
            jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs, only the pipe tells the child
            assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            jvm.destroyForcibly();
        }

        // SubmittingJvm's grace period is 5 s; the scripted trainer exits on SIGTERM at once.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (hosts.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<String> alive = hosts.stream().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        hosts.forEach(ProcessHandle::destroyForcibly); // leave nothing behind if the assertion fails
        assertThat(alive).as("processes of the job left running after its JVM was killed").isEmpty();
        assertThat(jobRoot.resolve(name.value()).resolve("algo-1").resolve(ChildProcessLauncher.HOST_TMP))
                .as("the host's temp folder is removed by the watchdog").doesNotExist();
    }

    @Test
    void describe_fromAnotherJvm_whenTheOwnerAndTheWatchdogWereKilled_endsTheLeftoverTrainer() throws Exception {
        Path jobRoot = root.resolve("jobs");
        JobName name = JobName.of("leftover-job");
        // The owner and the watchdog at once, with SIGKILL: only the recorded pid is left to find the trainer by.
        List<ProcessHandle> trainers = orphanTrainer(jobRoot, name, "SLEEP_UNTIL_STOPPED");

        FileSystemStorage storage = FileSystemStorage.create();
        JobDescription d = ChildProcessTrainingBackend.builder().jobRoot(jobRoot).storage(storage)
                .modelPublisher(new StorageModelPublisher(storage)).command(List.of("false")).build().describe(name);
        assertThat(d.state()).isEqualTo(JobState.FAILED);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (trainers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<String> alive = trainers.stream().filter(ProcessHandle::isAlive).map(ChildProcessIsolationTest::describeProcess).toList();
        trainers.forEach(ProcessHandle::destroyForcibly);
        assertThat(alive).as("the leftover trainer, ended by describe from another JVM").isEmpty();
    }

    @Test
    void describe_fromAnotherJvm_whenTheLeftoverTrainerIgnoresSigterm_killsItAfterTheGracePeriod() throws Exception {
        Path jobRoot = root.resolve("jobs");
        JobName name = JobName.of("stubborn-leftover-job");
        List<ProcessHandle> trainers = orphanTrainer(jobRoot, name, "IGNORE_SIGTERM");

        FileSystemStorage storage = FileSystemStorage.create();
        long start = System.nanoTime();
        JobDescription d = ChildProcessTrainingBackend.builder().jobRoot(jobRoot).storage(storage)
                .modelPublisher(new StorageModelPublisher(storage)).command(List.of("false"))
                .gracePeriod(Duration.ofSeconds(2)).build().describe(name);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        List<String> alive = trainers.stream().filter(HostPids::running).map(ChildProcessIsolationTest::describeProcess).toList();
        trainers.forEach(ProcessHandle::destroyForcibly);
        assertThat(alive).as("the trainer that ignores SIGTERM, killed once the grace period was over").isEmpty();
        assertThat(tookMillis).as("SIGTERM, the 2 s grace period, then SIGKILL").isBetween(1_500L, 15_000L);
        assertThat(d.state()).isEqualTo(JobState.FAILED);
        assertThat(d.failureReason()).contains("the process that submitted the job", "died before the job ended",
                "its hosts still running (algo-1) were stopped");
        assertThat(jobRoot.resolve(name.value()).resolve("algo-1").resolve(HostPids.FILE)).as("a reader never writes").exists();
    }

    /**
     * Starts a {@link SubmittingJvm} whose trainer behaves as {@code behaviour}, then kills it and the trainer's
     * watchdog shell with SIGKILL, and returns the trainer, which runs on.
     */
    private List<ProcessHandle> orphanTrainer(Path jobRoot, JobName name, String behaviour) throws Exception {
        Path data = Files.createDirectories(root.resolve("input/train"));
        Files.writeString(data.resolve("data.csv"), "a,b\n1,2\n");
        Process jvm = new ProcessBuilder(ChildProcessTrainingBackend.Builder.javaExecutable(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), SubmittingJvm.class.getName(),
                jobRoot.toString(), name.value(), data.toString(), root.resolve("output").toString(), behaviour)
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("running")) {
                // the JVM's own output until the job runs
            }
            assertThat(line).as("the submitting JVM got its job running").isEqualTo("running");
            List<ProcessHandle> all = jvm.toHandle().descendants().toList();
            List<ProcessHandle> shells = all.stream().filter(p -> p.info().commandLine().orElse("").contains("drydock-host")).toList();
            List<ProcessHandle> trainers = all.stream().filter(p -> !shells.contains(p)).toList();
            assertThat(shells).as("the watchdog shell and its watcher").isNotEmpty();
            assertThat(trainers).as("the trainer").isNotEmpty();
            List<String> kill = new java.util.ArrayList<>(List.of("kill", "-KILL", String.valueOf(jvm.pid())));
            shells.forEach(p -> kill.add(String.valueOf(p.pid())));
            assertThat(new ProcessBuilder(kill).start().waitFor()).isZero();
            assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(500);
            assertThat(trainers).as("the trainer outlived its JVM and watchdog").anyMatch(ProcessHandle::isAlive);
            return trainers;
        } finally {
            jvm.destroyForcibly();
        }
    }

    @Test
    void ctrlC_toTheTerminalsProcessGroup_reachesOnlyTheJvmWhichStopsTheJobWithWhatTheTrainerSaved() throws Exception {
        Path jobRoot = root.resolve("jobs");
        Path data = Files.createDirectories(root.resolve("input/train"));
        Files.writeString(data.resolve("data.csv"), "a,b\n1,2\n");
        JobName name = JobName.of("ctrl-c-job");
        // setsid: the submitting JVM leads a group of its own, as a shell's foreground job does in a terminal. A
        // test run started in the background (nohup, `&` in a script, as CI may be) inherits SIGINT ignored, and a
        // JVM started so never sees Ctrl-C: perl puts SIGINT back to its default first, as a terminal's shell has it.
        List<String> command = new java.util.ArrayList<>();
        assumeTrue(onPath("perl"), "perl is needed to start the JVM with SIGINT at its default disposition");
        command.addAll(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec: $!\""));
        command.addAll(List.of("setsid", ChildProcessTrainingBackend.Builder.javaExecutable(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), SubmittingJvm.class.getName(),
                jobRoot.toString(), name.value(), data.toString(), root.resolve("output").toString()));
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("running")) {
                // the JVM's own output until the job runs
            }
            assertThat(line).as("the submitting JVM got its job running").isEqualTo("running");
            assertThat(HostPids.processGroup(jvm.pid())).as("the JVM leads its group").isEqualTo(jvm.pid());
            // What a terminal does on Ctrl-C: SIGINT to every process of the foreground group.
            assertThat(new ProcessBuilder("kill", "-INT", "--", "-" + jvm.pid()).start().waitFor()).isZero();
            assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).as("the JVM ended within its job's grace period").isTrue();
        } finally {
            jvm.destroyForcibly();
        }

        FileSystemStorage storage = FileSystemStorage.create();
        ChildProcessTrainingBackend reader = ChildProcessTrainingBackend.builder().jobRoot(jobRoot).storage(storage)
                .modelPublisher(new StorageModelPublisher(storage)).command(List.of("false")).build();
        JobDescription d = reader.describe(name);
        List<String> lines = reader.readLogs(name, LogCursor.START).events().stream().map(LogEvent::message).toList();
        assertThat(d.state()).as("the job, with its log %s", lines).isEqualTo(JobState.STOPPED);
        assertThat(d.modelArtifactIfAny()).as("the partial model the trainer saved on the JVM's SIGTERM").isPresent();
        assertThat(d.transitions()).anyMatch(t -> t.message().contains("is exiting; stopping the job"));
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private TrainingJobSpec spec(JobName name) throws Exception {
        Path data = Files.createDirectories(root.resolve("input/train"));
        Files.writeString(data.resolve("data.csv"), "a,b\n1,2\n");
        return TrainingJobSpec.builder().image("drydock/scripted:latest").name(name)
                .channel("train", StorageUri.of(data).asPrefix())
                .outputPath(StorageUri.of(root.resolve("output")).asPrefix()).build();
    }

    private static String describeProcess(ProcessHandle p) {
        String group;
        try {
            group = String.valueOf(HostPids.processGroup(p.pid()));
        } catch (java.io.IOException e) {
            group = "?";
        }
        return p.pid() + " (group " + group + ") " + p.info().commandLine().orElse("?");
    }

    private static String valueOf(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix + " in the log " + lines));
    }
}
