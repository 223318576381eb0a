package dev.drydock.local;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trainer for the several-hosts fault: on {@code algo-2} it writes a failure file and exits 2 after a moment; on
 * every other host it sleeps (up to a minute) until stopped. JDK only, so it runs in the test image too.
 */
public final class HostFailingTrainer {
    /** What {@code algo-2} writes to its failure file. */
    public static final String REASON = "algo-2 broke: disk full";

    private HostFailingTrainer() {
    }

    /** Runs with {@code /opt/ml} at {@code DRYDOCK_ML_ROOT} or {@code /opt/ml}. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getenv().getOrDefault("DRYDOCK_ML_ROOT", "/opt/ml"));
        String resources = Files.readString(root.resolve("input/config/resourceconfig.json"));
        if (resources.contains("\"current_host\":\"algo-2\"")) {
            Thread.sleep(500);
            Files.writeString(root.resolve("output/failure"), REASON + "\n");
            System.out.println("failing");
            System.exit(2);
        }
        System.out.println("working");
        Thread.sleep(60_000);
    }
}
