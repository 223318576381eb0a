package dev.drydock.trainer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure XGBoost's OpenMP runtime waits passively, and that the trainer has the Java heap its job asks for.
 * OpenMP reads {@code OMP_WAIT_POLICY} once, when the native library loads, and a JVM cannot set its own environment
 * or heap; so when the variable is absent, or the hyperparameter {@code java_heap} asks for a heap this JVM was not
 * started with, the program runs itself again as a child process with {@code OMP_WAIT_POLICY=PASSIVE} and
 * {@code -Xmx} (spinning waits made fits on a loaded 2-core machine 5-10x slower). The image and the local backend
 * set the variable, so without {@code java_heap} this only happens by hand. {@code java_heap} works the same on
 * every backend, since every backend passes the hyperparameters.
 */
final class OmpGuard {
    static final String VARIABLE = "OMP_WAIT_POLICY";
    /** Set on the child to the heap it was started with, so that it does not run itself again. */
    static final String HEAP_PROPERTY = "drydock.java.heap";

    private OmpGuard() {
    }

    /**
     * @param args the program's arguments
     * @return the child's exit code when the program was run again, empty when this process should go on
     */
    static Optional<Integer> rerunIfNeeded(String[] args) {
        return rerunIfNeeded(args, Optional.empty());
    }

    /**
     * @param args the program's arguments
     * @param heap the {@code -Xmx} value the job asks for ({@code 4g}), if any
     * @return the child's exit code when the program was run again, empty when this process should go on
     */
    static Optional<Integer> rerunIfNeeded(String[] args, Optional<String> heap) {
        boolean needOmp = System.getenv(VARIABLE) == null && !Boolean.getBoolean("drydock.omp.guard.off");
        boolean needHeap = heap.isPresent() && !heap.get().equals(System.getProperty(HEAP_PROPERTY));
        if (!needOmp && !needHeap) {
            return Optional.empty();
        }
        Optional<String> java = ProcessHandle.current().info().command();
        String classPath = System.getProperty("java.class.path");
        if (java.isEmpty() || classPath == null || classPath.isBlank()) {
            System.err.println("warning: cannot run the trainer again with " + VARIABLE + "=PASSIVE"
                    + heap.map(h -> " and -Xmx" + h).orElse("") + ": its command line is unknown");
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        List<String> options = ProcessHandle.current().info().arguments().map(a -> jvmOptions(a, args)).orElse(List.of());
        for (String option : options) {
            if (!(needHeap && option.startsWith("-Xmx"))) {
                command.add(option);
            }
        }
        if (needHeap) {
            command.add("-Xmx" + heap.get());
            command.add("-D" + HEAP_PROPERTY + "=" + heap.get());
        }
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
