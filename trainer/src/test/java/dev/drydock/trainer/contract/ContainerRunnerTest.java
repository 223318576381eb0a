package dev.drydock.trainer.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.trainer.testing.MlTree;
import java.nio.file.Path;
import java.time.Duration;
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
    void run_whenTrainingException_writesReasonAsFirstLine() {
        int code = ContainerRunner.run(TrainingEnvironment.at(root), (env, stop) -> {
            throw new TrainingException("target column \"Price\" is missing");
        }, Duration.ofSeconds(1));

        assertThat(code).isEqualTo(ContainerRunner.EXIT_FAILED);
        assertThat(MlTree.at(root).failure().lines().findFirst()).contains("target column \"Price\" is missing");
    }

    @Test
    void run_whenUnexpectedError_reportsInternalErrorWithStackTrace() {
        ContainerRunner.run(TrainingEnvironment.at(root), (env, stop) -> {
            throw new IllegalStateException("boom");
        }, Duration.ofSeconds(1));

        String failure = MlTree.at(root).failure();
        assertThat(failure.lines().findFirst()).contains("internal error: java.lang.IllegalStateException: boom");
        assertThat(failure).contains("at dev.drydock.trainer.contract.ContainerRunnerTest");
    }
}
