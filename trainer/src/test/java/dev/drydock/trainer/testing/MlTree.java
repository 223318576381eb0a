package dev.drydock.trainer.testing;

import dev.drydock.contract.Hyperparameters;
import dev.drydock.contract.OptMl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Builds sample {@code /opt/ml} trees for tests. */
public final class MlTree {
    /** The house data shipped with the examples, relative to the trainer module. */
    public static final Path HOUSE_TRAIN = Path.of("../examples/src/main/resources/house-prices/train.csv");
    /** The house test rows shipped with the examples. */
    public static final Path HOUSE_TEST = Path.of("../examples/src/main/resources/house-prices/test.csv");

    private final Path root;

    private MlTree(Path root) {
        this.root = root;
    }

    /**
     * @param root an empty folder
     * @return a tree rooted there with the config folder created
     */
    public static MlTree at(Path root) {
        MlTree tree = new MlTree(root);
        tree.mkdirs("input/config");
        return tree;
    }

    /** @return the root */
    public Path root() {
        return root;
    }

    /**
     * @param values hyperparameters, written through the contract module as the platform writes them
     * @return this tree
     */
    public MlTree hyperparameters(Map<String, String> values) {
        Hyperparameters.of(values).write(OptMl.at(root).hyperparametersFile());
        return this;
    }

    /**
     * @param channel a channel name
     * @param name a file name
     * @param content its content
     * @return this tree
     */
    public MlTree data(String channel, String name, String content) {
        return file("input/data/" + channel + "/" + name, content);
    }

    /**
     * @param channel a channel name
     * @param source a file to copy into it
     * @return this tree
     */
    public MlTree copy(String channel, Path source) {
        try {
            mkdirs("input/data/" + channel);
            Files.copy(source, root.resolve("input/data/" + channel).resolve(source.getFileName()));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param relative a path under the root
     * @param content its content
     * @return this tree
     */
    public MlTree file(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param relative a folder under the root
     * @return this tree
     */
    public MlTree mkdirs(String relative) {
        try {
            Files.createDirectories(root.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the failure file's content, or empty text when absent */
    public String failure() {
        try {
            Path f = root.resolve("output/failure");
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
