package dev.drydock.contractkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drydock.contract.MetricLine;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * drydock's own trainer image passes the container contract kit under the Docker backend. Skipped, saying why, where
 * no Docker daemon answers or the image is not built ({@code trainer/docker/build-image.sh}); CI has both.
 */
class DrydockTrainerImageContractIT extends ContainerContractKit {
    static final String IMAGE = System.getProperty("drydock.trainer.image", "drydock/trainer:latest");

    @Override
    protected TrainerUnderTest trainer() {
        assumeTrue(succeeds("docker", "info"), "no Docker daemon answers `docker info`: start dockerd to run this test");
        assumeTrue(succeeds("docker", "image", "inspect", IMAGE),
                "image " + IMAGE + " is missing: build it with trainer/docker/build-image.sh");
        return TrainerUnderTest.image(IMAGE).entrypoint(List.of("java", "-jar", "/app/trainer.jar"))
                .channel("training", KitPrograms.houseChannel())
                .hyperparameters(DrydockTrainerContractTest.QUICK)
                .badHyperparameters(Map.of("max_depth", "[3,four]"))
                .longRun(Map.of("strategy", "random", "max_trials", "5000", "folds", "2", "n_estimators", "[50]"),
                        "progress trial=")
                .metric("cv_rmsle", MetricLine.regexFor("cv_rmsle"))
                .grace(Duration.ofSeconds(30))
                .timeout(Duration.ofMinutes(3))
                .build();
    }

    private static boolean succeeds(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
