package dev.drydock.local.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's trainer: writes a small model and logs its own run time (from entering {@code main} to leaving it)
 * as {@code trainer-millis: X}, which the job's metric definition reads. With the argument {@code noop} it exits at
 * once: the floor run.
 *
 * <p>The report line is printed without string concatenation on purpose. javac compiles {@code "a" + x} to an
 * {@code invokedynamic} whose first call bootstraps {@code StringConcatFactory} (about 10 ms at JVM start, measured
 * with {@code -Xlog:class+load}); done after the last timestamp, that was trainer work charged to the backend as
 * overhead. Formatting a {@code double} the first time costs a few ms too ({@code FloatingDecimal}), so the
 * microseconds are printed as integers. Now everything after the last timestamp is a few plain prints.
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
        long micros = (System.nanoTime() - start) / 1000;
        System.out.print("trainer-millis: ");
        System.out.print(micros / 1000);
        System.out.print('.');
        System.out.println(String.valueOf(1000 + micros % 1000).substring(1));
    }
}
