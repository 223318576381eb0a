package dev.drydock.examples.houseprices;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The trainer as a child JVM of this program: what the child-process backend runs. */
public final class TrainerProcess {
    private TrainerProcess() {
    }

    /**
     * {@code java -cp <this program's class path> dev.drydock.trainer.Main}: the drydock jar carries the trainer, so the
     * process backend needs nothing else installed. The backend appends {@code train}.
     */
    public static List<String> command() {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Absolute entries: the trainer runs with its job folder as working directory.
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return List.of(javaBin, "-cp", classPath, "dev.drydock.trainer.Main");
    }
}
