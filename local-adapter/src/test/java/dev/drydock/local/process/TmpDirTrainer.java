package dev.drydock.local.process;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trainer that does what XGBoost4J does at start: unpacks a "native library" into {@code java.io.tmpdir}, then
 * prints where that is and its process group (from {@code /proc/self/stat}), writes a model file and exits 0. For
 * {@link ChildProcessIsolationTest}.
 */
public final class TmpDirTrainer {
    /** The start of the line that names the temp folder. */
    static final String TMPDIR_LINE = "tmpdir=";
    /** The start of the line that names the trainer's process group. */
    static final String PGID_LINE = "pgid=";

    private TmpDirTrainer() {
    }

    /** Runs with {@code /opt/ml} at {@code DRYDOCK_ML_ROOT}. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getenv().getOrDefault("DRYDOCK_ML_ROOT", "/opt/ml"));
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path lib = Files.createTempDirectory(tmp, "libxgboost4j");
        Files.write(lib.resolve("libxgboost4j.so"), new byte[4096]);
        System.out.println(TMPDIR_LINE + tmp.toAbsolutePath());
        System.out.println(PGID_LINE + HostPids.processGroup(ProcessHandle.current().pid()));
        Files.writeString(root.resolve("model/model.txt"), "a model\n");
    }
}
