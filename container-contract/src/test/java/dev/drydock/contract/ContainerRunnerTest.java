package dev.drydock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerRunnerTest {
    @TempDir
    Path root;

    @Test
    void run_whenProgramReturns_exitsZeroWithoutFailureFile() {
        int code = ContainerRunner.run(TrainingEnvironment.at(root), (env, stop) -> { }, Duration.ofSeconds(1));

        assertThat(code).isZero();
        assertThat(root.resolve("output/failure")).doesNotExist();
    }

    @Test
    void run_whenTrainingException_writesItsReasonAsTheWholeFailureFile() throws Exception {
        int code = ContainerRunner.run(TrainingEnvironment.at(root), (env, stop) -> {
            throw new TrainingException("target column \"Price\" is missing");
        }, Duration.ofSeconds(1));

        assertThat(code).isEqualTo(ContainerRunner.EXIT_FAILED);
        assertThat(Files.readString(root.resolve("output/failure"))).isEqualTo("target column \"Price\" is missing\n");
    }

    @Test
    void run_whenUnexpectedError_reportsAnInternalErrorAndKeepsTheStackTraceOutOfTheFile() throws Exception {
        ContainerRunner.run(TrainingEnvironment.at(root), (env, stop) -> {
            throw new IllegalStateException("boom");
        }, Duration.ofSeconds(1));

        String failure = Files.readString(root.resolve("output/failure"));
        assertThat(failure).startsWith("internal error: java.lang.IllegalStateException: boom").doesNotContain("\tat ");
    }

    @Test
    void run_whenAConfigFileIsMalformed_failsBeforeTheProgramNamingTheFile() throws Exception {
        Files.createDirectories(root.resolve("input/config"));
        Files.writeString(root.resolve("input/config/resourceconfig.json"), "not json");
        boolean[] ran = {false};

        int code = ContainerRunner.run(TrainingEnvironment.at(root), (env, stop) -> ran[0] = true, Duration.ofSeconds(1));

        assertThat(code).isEqualTo(ContainerRunner.EXIT_FAILED);
        assertThat(ran[0]).isFalse();
        assertThat(Files.readString(root.resolve("output/failure"))).contains("resourceconfig.json is not valid JSON");
    }

    @Test
    void main_whenArgumentIsNotTrain_exitsWithUsage() {
        assertThat(ContainerRunner.main(new String[] {"serve"}, (env, stop) -> { })).isEqualTo(ContainerRunner.EXIT_USAGE);
        assertThat(ContainerRunner.main(new String[0], (env, stop) -> { })).isEqualTo(ContainerRunner.EXIT_USAGE);
    }

    @Test
    void systemExit_whenTheProgramCallsIt_endsTheJvmAtOnceWithItsCode() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + OptMl.ROOT_PROPERTY + "=" + root,
                StoppableTrainer.class.getName(), "train", "exit-inside").redirectErrorStream(true).start();

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("did not wait out the 100 s grace").isTrue();
        assertThat(process.exitValue()).isEqualTo(3);
    }

    @Test
    void sigterm_whenProgramIsWorking_tellsItToStopAndWaitsForItToSave() throws Exception {
        Path log = Files.createTempFile(root.getParent(), "trainer", ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + OptMl.ROOT_PROPERTY + "=" + root,
                StoppableTrainer.class.getName(), "train").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(log).contains("working") && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(Files.readString(log)).startsWith("working");

        long sent = System.nanoTime();
        process.destroy(); // SIGTERM, as docker stop and StopTrainingJob send
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited within the grace period").isTrue();

        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(ContainerRunner.DEFAULT_GRACE);
        assertThat(Files.readString(log)).contains("stop requested (SIGTERM): saving what exists");
        assertThat(Files.readString(root.resolve("model/partial.txt"))).startsWith("saved after ");
    }
}
