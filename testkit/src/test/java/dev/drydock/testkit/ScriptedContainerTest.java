package dev.drydock.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@link ScriptedContainer} as a real child process, as the process and Docker backends will. */
class ScriptedContainerTest {
    private static final Map<Process, Path> LOGS = new java.util.concurrent.ConcurrentHashMap<>();

    @Test
    void main_whenSucceed_writesModelAndLogsMetricLinesAndExitsZero(@TempDir Path ml) throws Exception {
        config(ml, "succeed");
        Files.createDirectories(ml.resolve("input/data/train"));
        Files.writeString(ml.resolve("input/data/train/data.csv"), "a\n");

        Process p = start(ml, Map.of("TRAINING_JOB_NAME", "job-1"));

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(output(p)).contains(ScriptedContainer.SUCCESS_LINES);
        assertThat(ml.resolve("model/" + ScriptedContainer.MODEL_FILE)).content()
                .contains("job=job-1", "host=algo-1", "channel.train=data.csv");
    }

    @Test
    void main_whenFail_writesFailureFileAndExitsOne(@TempDir Path ml) throws Exception {
        config(ml, "fail");

        Process p = start(ml, Map.of());

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(ml.resolve("output/failure")).hasContent(ScriptedContainer.FAILURE_TEXT);
    }

    @Test
    void main_whenExitNonZero_exitsWithConfiguredCode(@TempDir Path ml) throws Exception {
        config(ml, "exit-non-zero");

        Process p = start(ml, Map.of());

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(ScriptedContainer.NON_ZERO_EXIT_CODE);
        assertThat(ml.resolve("output/failure")).doesNotExist();
    }

    @Test
    void main_whenSleepAndSigterm_logsAndExits(@TempDir Path ml) throws Exception {
        config(ml, "sleep");
        Process p = start(ml, Map.of());
        awaitLine(p, ScriptedContainer.SLEEPING_LINE);

        p.destroy(); // SIGTERM

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(143);
        assertThat(output(p)).contains(ScriptedContainer.SIGTERM_LINE);
    }

    @Test
    void main_whenIgnoreSigterm_survivesSigtermUntilKilled(@TempDir Path ml) throws Exception {
        config(ml, "ignore-sigterm");
        Process p = start(ml, Map.of());
        awaitLine(p, ScriptedContainer.SLEEPING_LINE);

        p.destroy(); // SIGTERM

        assertThat(p.waitFor(1500, TimeUnit.MILLISECONDS)).as("still running after SIGTERM").isFalse();
        p.destroyForcibly(); // SIGKILL
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(137);
    }

    private static void config(Path ml, String behaviour) throws IOException {
        Files.createDirectories(ml.resolve("input/config"));
        Files.writeString(ml.resolve("input/config/hyperparameters.json"), "{\"behaviour\": \"" + behaviour + "\", \"eta\": \"0.1\"}");
        Files.writeString(ml.resolve("input/config/inputdataconfig.json"), "{\"train\": {\"TrainingInputMode\": \"File\"}}");
        Files.writeString(ml.resolve("input/config/resourceconfig.json"),
                "{\"current_host\": \"algo-1\", \"hosts\": [\"algo-1\"]}");
    }

    private static Process start(Path ml, Map<String, String> env) throws IOException {
        // Only testkit's own classes and the contract module's: ScriptedContainer must run with nothing else.
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", ScriptedContainer.classPathArgument(), ScriptedContainer.class.getName());
        pb.environment().put(ScriptedContainer.ML_ROOT_ENV, ml.toString());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Path log = ml.resolve("container.log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        LOGS.put(p, log);
        return p;
    }

    private static void awaitLine(Process p, String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!output(p).lines().toList().contains(line)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("process did not log \"" + line + "\": " + output(p));
            }
            Thread.sleep(20);
        }
    }

    private static String output(Process p) throws IOException {
        return Files.readString(LOGS.get(p), StandardCharsets.UTF_8);
    }
}
