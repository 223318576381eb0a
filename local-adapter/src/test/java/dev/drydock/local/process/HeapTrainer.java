package dev.drydock.local.process;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trainer that prints the heap its JVM was given and the system property {@value #PROBE} (set through JVM options),
 * writes a model file and exits 0. For {@link TrainerJavaOptionsTest}.
 */
public final class HeapTrainer {
    /** The start of the line with the JVM's maximum heap in MiB. */
    static final String HEAP_LINE = "heap-mib=";
    /** The start of the line with the probe property. */
    static final String PROBE_LINE = "probe=";
    /** The system property the tests set through the trainer's JVM options. */
    static final String PROBE = "drydock.probe";

    private HeapTrainer() {
    }

    /** Runs with {@code /opt/ml} at {@code DRYDOCK_ML_ROOT}. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getenv().getOrDefault("DRYDOCK_ML_ROOT", "/opt/ml"));
        System.out.println(HEAP_LINE + (Runtime.getRuntime().maxMemory() >> 20));
        System.out.println(PROBE_LINE + System.getProperty(PROBE, "unset"));
        Files.writeString(root.resolve("model/model.txt"), "a model\n");
    }
}
