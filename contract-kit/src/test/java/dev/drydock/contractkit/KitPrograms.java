package dev.drydock.contractkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Commands and data for the kit's own tests. */
final class KitPrograms {
    /** The house data shipped with the examples, relative to this module. */
    static final Path HOUSE_TRAIN = Path.of("../examples/src/main/resources/house-prices/train.csv");

    private KitPrograms() {
    }

    /** {@code java -cp <this test class path> MAIN ARGS...}: the kit appends {@code train}. */
    static List<String> java(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** A folder holding the house-prices training file, for the channel {@code training}. */
    static Path houseChannel() {
        try {
            Path folder = Files.createTempDirectory("kit-training");
            Files.copy(HOUSE_TRAIN, folder.resolve("train.csv"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder of {@code count} small files, for a channel the broken program reads. */
    static Path smallChannel(int count) {
        try {
            Path folder = Files.createTempDirectory("kit-data");
            for (int i = 0; i < count; i++) {
                Files.writeString(folder.resolve("part-" + i + ".csv"), "x,y\n" + i + "," + (2 * i) + "\n");
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
