package dev.drydock.local.process;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Commands that start a trainer as a child JVM, for the process backend. */
public final class TrainerCommands {
    /** The main class of drydock's own trainer. */
    public static final String DRYDOCK_TRAINER = "dev.drydock.trainer.Main";

    private TrainerCommands() {
    }

    /**
     * {@code java -cp <this JVM's class path> mainClass}: a program whose jar carries the trainer (the drydock CLI
     * does) needs nothing else installed. Class-path entries are made absolute, since the trainer runs with its job
     * folder as working directory. The backend appends {@code train}.
     */
    public static List<String> onThisClassPath(String mainClass) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return List.of(javaBin, "-cp", classPath, mainClass);
    }

    /** {@link #onThisClassPath} of drydock's trainer, when that trainer is on this JVM's class path. */
    public static Optional<List<String>> drydockTrainerOnThisClassPath() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class.forName(DRYDOCK_TRAINER, false, loader != null ? loader : TrainerCommands.class.getClassLoader());
            return Optional.of(onThisClassPath(DRYDOCK_TRAINER));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
