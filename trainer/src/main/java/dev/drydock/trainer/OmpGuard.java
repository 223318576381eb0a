package dev.drydock.trainer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure XGBoost's OpenMP runtime waits passively. OpenMP reads {@code OMP_WAIT_POLICY} once, when the native
 * library loads, and a JVM cannot set its own environment; so when the variable is absent the program runs itself
 * again as a child process with {@code OMP_WAIT_POLICY=PASSIVE} (spinning waits made fits on a loaded 2-core
 * machine 5-10x slower). The image and the local backend set the variable, so this only happens by hand.
 */
final class OmpGuard {
    static final String VARIABLE = "OMP_WAIT_POLICY";

    private OmpGuard() {
    }

    /**
     * @param args the program's arguments
     * @return the child's exit code when the program was run again, empty when this process should go on
     */
    static Optional<Integer> rerunIfNeeded(String[] args) {
        if (System.getenv(VARIABLE) != null || Boolean.getBoolean("drydock.omp.guard.off")) {
            return Optional.empty();
        }
        Optional<String> java = ProcessHandle.current().info().command();
        String classPath = System.getProperty("java.class.path");
        if (java.isEmpty() || classPath == null || classPath.isBlank()) {
            System.err.println("warning: " + VARIABLE + " is not set; set it to PASSIVE for fast XGBoost fits");
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(ProcessHandle.current().info().arguments().map(a -> jvmOptions(a, args)).orElse(List.of()));
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().put(VARIABLE, "PASSIVE");
        try {
            Process child = pb.start();
            // A SIGTERM to this process goes on to the child, which saves what it has; wait for it as the platform would.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (child.isAlive()) {
                    child.destroy();
                    try {
                        child.waitFor(110, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "drydock-forward-sigterm"));
            return Optional.of(child.waitFor());
        } catch (IOException e) {
            System.err.println("warning: cannot run again with " + VARIABLE + "=PASSIVE (" + e.getMessage()
                    + "); going on without it");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(1);
        }
    }

    /** The JVM options of this process: its arguments up to the main class or {@code -jar}. */
    private static List<String> jvmOptions(String[] all, String[] programArgs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            String a = all[i];
            if (a.equals("-jar") || a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")) {
                if (a.equals("-jar")) {
                    break;
                }
                i++;
                continue;
            }
            if (!a.startsWith("-")) {
                break;
            }
            out.add(a);
        }
        return out;
    }
}
