package dev.drydock.local;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trainer for the out-of-memory fault: allocates as many MiB of heap as its hyperparameter
 * {@value #MIB_HYPERPARAMETER} says (1024 by default), one MiB at a time,
 * touching every page so the memory is really used, then sleeps. Run it with {@code -Xmx} above the container's
 * memory limit so that the kernel, not the JVM's own OutOfMemoryError, ends it. JDK only, so it runs in the test
 * image too.
 */
public final class MemoryHogTrainer {
    /** The hyperparameter with how many MiB to allocate. */
    public static final String MIB_HYPERPARAMETER = "allocate_mib";
    /** The line it logs before it allocates. */
    public static final String ALLOCATING_LINE = "allocating";

    private MemoryHogTrainer() {
    }

    /** Runs with {@code /opt/ml} at {@code DRYDOCK_ML_ROOT} or {@code /opt/ml}. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getenv().getOrDefault("DRYDOCK_ML_ROOT", "/opt/ml"));
        int mib = 1024;
        try {
            Matcher m = Pattern.compile("\"" + MIB_HYPERPARAMETER + "\"\\s*:\\s*\"?(\\d+)")
                    .matcher(Files.readString(root.resolve("input/config/hyperparameters.json")));
            if (m.find()) {
                mib = Integer.parseInt(m.group(1));
            }
        } catch (NoSuchFileException e) {
            // No hyperparameters: the default.
        }
        System.out.println(ALLOCATING_LINE + " " + mib + " MiB");
        List<byte[]> held = new ArrayList<>();
        for (int i = 0; i < mib; i++) {
            byte[] block = new byte[1 << 20];
            for (int j = 0; j < block.length; j += 4096) {
                block[j] = 1;
            }
            held.add(block);
        }
        System.out.println("allocated " + held.size() + " MiB and was not killed");
        Thread.sleep(60_000);
    }
}
