package dev.drydock.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The {@code /opt/ml} layout of the SageMaker training container contract, rooted anywhere: {@code /opt/ml} in a
 * container, a job's host folder when a local backend runs the program as a child process.
 *
 * <pre>
 * input/config/hyperparameters.json   {@link Hyperparameters}
 * input/config/inputdataconfig.json   {@link InputDataConfig}
 * input/config/resourceconfig.json    {@link ResourceConfig}
 * input/data/&lt;channel&gt;/              the channel's files
 * model/                              packed by the platform as model.tar.gz
 * output/data/                        packed by the platform as output.tar.gz
 * output/failure                      {@link FailureFile}: the FailureReason of a failed job
 * checkpoints/                        synced with the job's checkpoint location
 * </pre>
 *
 * @param root the folder that plays {@code /opt/ml} (made absolute and normal)
 */
public record OptMl(Path root) {
    /** The root inside a container. */
    public static final Path CONTAINER_ROOT = Path.of("/opt/ml");
    /** The layout inside a container, for the paths a platform mounts or a message names. */
    public static final OptMl CONTAINER = new OptMl(CONTAINER_ROOT);
    /** SageMaker's default checkpoint folder in a container, as text (a job spec may name another). */
    public static final String CONTAINER_CHECKPOINTS = "/opt/ml/checkpoints";
    /** The file name of the hyperparameters in {@link #configDir()}. */
    public static final String HYPERPARAMETERS_FILE = "hyperparameters.json";
    /** The file name of the channels' configuration in {@link #configDir()}. */
    public static final String INPUT_DATA_CONFIG_FILE = "inputdataconfig.json";
    /** The file name of the hosts' configuration in {@link #configDir()}. */
    public static final String RESOURCE_CONFIG_FILE = "resourceconfig.json";
    /** The three config files the platform writes, in the order above. */
    public static final List<String> CONFIG_FILES = List.of(HYPERPARAMETERS_FILE, INPUT_DATA_CONFIG_FILE, RESOURCE_CONFIG_FILE);
    /** Environment variable that moves the root (a child-process backend sets it). */
    public static final String ROOT_ENV = "DRYDOCK_ML_ROOT";
    /** System property that moves the root; wins over {@value #ROOT_ENV} so that tests need not touch the environment. */
    public static final String ROOT_PROPERTY = "drydock.ml.root";

    /** Makes the root absolute. */
    public OptMl {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    /**
     * @param root the folder that plays {@code /opt/ml}
     * @return the layout there
     */
    public static OptMl at(Path root) {
        return new OptMl(root);
    }

    /**
     * @return the layout of this process: the {@value #ROOT_PROPERTY} property, else the {@value #ROOT_ENV}
     *     variable, else {@code /opt/ml}
     */
    public static OptMl fromSystem() {
        String property = System.getProperty(ROOT_PROPERTY);
        String variable = System.getenv(ROOT_ENV);
        return new OptMl(property != null && !property.isBlank() ? Path.of(property)
                : variable != null && !variable.isBlank() ? Path.of(variable) : CONTAINER_ROOT);
    }

    /** @return {@code input} */
    public Path inputDir() {
        return root.resolve("input");
    }

    /** @return {@code input/config}, where the platform writes the three JSON files */
    public Path configDir() {
        return root.resolve("input/config");
    }

    /** @return {@code input/config/hyperparameters.json} */
    public Path hyperparametersFile() {
        return configDir().resolve(HYPERPARAMETERS_FILE);
    }

    /** @return {@code input/config/inputdataconfig.json} */
    public Path inputDataConfigFile() {
        return configDir().resolve(INPUT_DATA_CONFIG_FILE);
    }

    /** @return {@code input/config/resourceconfig.json} */
    public Path resourceConfigFile() {
        return configDir().resolve(RESOURCE_CONFIG_FILE);
    }

    /** @return {@code input/data}, one folder per channel */
    public Path dataDir() {
        return root.resolve("input/data");
    }

    /**
     * @param channel a channel name, e.g. {@code training}
     * @return {@code input/data/<channel>}
     */
    public Path channelDir(String channel) {
        return dataDir().resolve(ChannelConfig.requireName(channel));
    }

    /** @return {@code model}, packed by the platform as {@code model.tar.gz} */
    public Path modelDir() {
        return root.resolve("model");
    }

    /** @return {@code output} */
    public Path outputDir() {
        return root.resolve("output");
    }

    /** @return {@code output/data}, packed by the platform as {@code output.tar.gz} */
    public Path outputDataDir() {
        return root.resolve("output/data");
    }

    /** @return {@code output/failure}, the failure file */
    public Path failureFile() {
        return root.resolve("output/failure");
    }

    /** @return {@code checkpoints}, synced with the job's checkpoint location when it has one */
    public Path checkpointsDir() {
        return root.resolve(CONTAINER_ROOT.relativize(Path.of(CONTAINER_CHECKPOINTS)));
    }

    /**
     * Creates the empty tree a platform gives a container: the config, data, model, output data and checkpoint
     * folders.
     *
     * @return this layout
     * @throws java.io.UncheckedIOException when a folder cannot be created
     */
    public OptMl create() {
        for (Path folder : List.of(configDir(), dataDir(), modelDir(), outputDataDir(), checkpointsDir())) {
            createDirectories(folder);
        }
        return this;
    }

    /**
     * Creates a folder and its parents.
     *
     * @param folder the folder
     * @return the folder
     * @throws TrainingException naming the folder when it cannot be created
     */
    public static Path createDirectoriesOf(Path folder) {
        return createDirectories(folder);
    }

    static Path createDirectories(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new TrainingException("cannot create the folder " + folder + ": " + e
                    + "; check that its parent is writable", e);
        }
    }
}
