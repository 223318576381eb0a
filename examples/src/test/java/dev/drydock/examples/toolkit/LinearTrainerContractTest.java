package dev.drydock.examples.toolkit;

import dev.drydock.contract.MetricLine;
import dev.drydock.contractkit.ContainerContractKit;
import dev.drydock.contractkit.TrainerUnderTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The toolkit example passes the container contract kit, run as a child process. The README's "check your image"
 * section is cut from here; for an image, start from {@code TrainerUnderTest.image("my-trainer:latest")}.
 */
class LinearTrainerContractTest extends ContainerContractKit {
    @Override
    protected TrainerUnderTest trainer() {
        return TrainerUnderTest.command(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), LinearTrainer.class.getName()))
                .channel("training", points())
                .hyperparameters(Map.of("epochs", "20", "learning_rate", "0.05"))
                .badHyperparameters(Map.of("epochs", "twenty"))
                .longRun(Map.of("epochs", "100000000"), "mse=")
                .metric("mse", MetricLine.regexFor("mse"))
                .shardsByKey("training")
                .hosts(2)
                .grace(Duration.ofSeconds(10))
                .timeout(Duration.ofMinutes(2))
                .build();
    }

    /** Two files of points on y = 2x + 1, so that each of two hosts gets one when the channel is sharded. */
    private static Path points() {
        try {
            Path folder = Files.createTempDirectory("linear-points");
            Files.writeString(folder.resolve("a.csv"), "x,y\n0,1\n1,3\n2,5\n");
            Files.writeString(folder.resolve("b.csv"), "x,y\n3,7\n4,9\n");
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
