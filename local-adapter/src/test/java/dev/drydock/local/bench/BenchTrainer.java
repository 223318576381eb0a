package dev.drydock.local.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's trainer: writes a small model and logs its own run time (from entering {@code main} to leaving it)
 * as {@code trainer-millis: X}, which the job's metric definition reads. With the argument {@code noop} it exits at
 * once: the floor run.
 */
public final class BenchTrainer {
    private BenchTrainer() {
    }

    /** Trains (writes the model) unless the first argument is {@code noop}. */
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        if (args.length > 0 && args[0].equals("noop")) {
            return;
        }
        Path root = Path.of(System.getenv().getOrDefault("DRYDOCK_ML_ROOT", "/opt/ml"));
        Files.writeString(root.resolve("model/model.txt"), "weights=0.5\n");
        System.out.println("trained");
        System.out.println("trainer-millis: " + (System.nanoTime() - start) / 1e6);
    }
}
