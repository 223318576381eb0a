package dev.drydock.contractkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drydock.contract.OptMl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The container contract as JUnit 5 tests: extend it, say what to run in {@link #trainer()}, and every test checks
 * one thing SageMaker relies on, failing with what to change.
 *
 * <pre>
 * class MyTrainerContractTest extends ContainerContractKit {
 *     protected TrainerUnderTest trainer() {
 *         return TrainerUnderTest.image("my-trainer:latest").entrypoint(List.of("java", "-jar", "/opt/trainer.jar"))
 *                 .channel("training", Path.of("src/test/data"))
 *                 .hyperparameters(Map.of("epochs", "1")).badHyperparameters(Map.of("epochs", "many"))
 *                 .longRun(Map.of("epochs", "1000"), "epoch=")
 *                 .metric("loss", MetricLine.regexFor("loss")).build();
 *     }
 * }
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContainerContractKit {
    private ContractChecks checks;

    /** @return the program under test and its claims */
    protected abstract TrainerUnderTest trainer();

    @BeforeAll
    void startKit() throws IOException {
        Path work = Files.createTempDirectory("drydock-contract-kit");
        checks = new ContractChecks(trainer(), work);
    }

    @AfterAll
    void stopKit() {
        checks = null;
    }

    @Test
    void startedAsImageTrain_exitsZero() {
        checks.completesWhenStartedAsTrain();
    }

    @Test
    void completedRun_writesOptMlModel() {
        checks.writesTheModel();
    }

    @Test
    void badInput_exitsNonZeroWithAFailureFile() {
        checks.failsOnBadInputWithAFailureFile();
    }

    @Test
    void hyperparametersJson_isRead() {
        assumeTrue(checks.readsConfigFile(OptMl.HYPERPARAMETERS_FILE), "no entrypoint given for the image");
    }

    @Test
    void inputDataConfigJson_isRead() {
        assumeTrue(checks.readsConfigFile(OptMl.INPUT_DATA_CONFIG_FILE), "no entrypoint given for the image");
    }

    @Test
    void resourceConfigJson_isRead() {
        assumeTrue(checks.readsConfigFile(OptMl.RESOURCE_CONFIG_FILE), "no entrypoint given for the image");
    }

    @Test
    void sigterm_savesAndExitsWithinTheGracePeriod() {
        checks.savesAndExitsOnSigterm();
    }

    @Test
    void shardedByS3Key_whenClaimed_completesOnEachHostsShare() {
        assumeTrue(checks.honoursShardedByS3Key(), "the program does not claim ShardedByS3Key");
    }

    @Test
    void severalHosts_whenClaimed_complete() {
        assumeTrue(checks.runsOnSeveralHosts(), "the program does not claim several hosts");
    }

    @Test
    void metricRegexes_matchTheLogOncePerValue() {
        checks.metricRegexesMatchOncePerValue();
    }
}
