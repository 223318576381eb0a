package dev.drydock.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a training program reads of the container contract: the {@link OptMl} tree (hyperparameters, channels,
 * resource configuration, the folders the platform collects) and the platform's environment variables.
 *
 * <p>Absent configuration files are tolerated, as the platform never omits them but a hand-made tree may: no
 * {@code hyperparameters.json} means no hyperparameters, no {@code inputdataconfig.json} means the channels are the
 * folders present, no {@code resourceconfig.json} means a single host {@code algo-1}.
 */
public final class TrainingEnvironment {
    /** The variable the platform sets to the training job's name. */
    public static final String TRAINING_JOB_NAME = "TRAINING_JOB_NAME";
    /** The variable the platform sets to the training job's ARN. */
    public static final String TRAINING_JOB_ARN = "TRAINING_JOB_ARN";
    /** The instance type assumed when there is no {@code resourceconfig.json}. */
    public static final String UNKNOWN_INSTANCE_TYPE = "local";

    private final OptMl layout;
    private final Map<String, String> variables;

    private TrainingEnvironment(OptMl layout, Map<String, String> variables) {
        this.layout = layout;
        this.variables = Map.copyOf(variables);
    }

    /** @return the environment of this process: {@link OptMl#fromSystem()} and {@link System#getenv()} */
    public static TrainingEnvironment fromSystem() {
        return new TrainingEnvironment(OptMl.fromSystem(), System.getenv());
    }

    /**
     * @param root the folder that plays {@code /opt/ml}
     * @return the environment rooted there, without platform variables
     */
    public static TrainingEnvironment at(Path root) {
        return new TrainingEnvironment(OptMl.at(root), Map.of());
    }

    /**
     * @param layout the {@code /opt/ml} tree
     * @param variables the platform's environment variables
     * @return the environment
     */
    public static TrainingEnvironment of(OptMl layout, Map<String, String> variables) {
        return new TrainingEnvironment(layout, variables);
    }

    /** @return the layout */
    public OptMl layout() {
        return layout;
    }

    /** @return the {@code /opt/ml} root (absolute) */
    public Path root() {
        return layout.root();
    }

    /** @return {@code input/config} */
    public Path configDir() {
        return layout.configDir();
    }

    /** @return {@code input/data} */
    public Path dataDir() {
        return layout.dataDir();
    }

    /** @return {@code model}, packed by the platform as {@code model.tar.gz}; created on demand */
    public Path modelDir() {
        return OptMl.createDirectories(layout.modelDir());
    }

    /** @return {@code output/data}, packed by the platform as {@code output.tar.gz}; created on demand */
    public Path outputDataDir() {
        return OptMl.createDirectories(layout.outputDataDir());
    }

    /** @return {@code checkpoints}, synced by the platform when the job has a checkpoint location; created on demand */
    public Path checkpointDir() {
        return OptMl.createDirectories(layout.checkpointsDir());
    }

    /** @return {@code output/failure} */
    public Path failureFile() {
        return layout.failureFile();
    }

    /** @return {@value #TRAINING_JOB_NAME} as set by the platform, if set */
    public Optional<String> jobName() {
        return Optional.ofNullable(variables.get(TRAINING_JOB_NAME)).filter(s -> !s.isBlank());
    }

    /**
     * @param name an environment variable
     * @return its value, if set
     */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /**
     * @return the hyperparameters; none when the file is absent
     * @throws TrainingException when the file is malformed
     */
    public Hyperparameters hyperparameters() {
        return Hyperparameters.readIfPresent(layout.hyperparametersFile());
    }

    /**
     * @return every channel, from {@code inputdataconfig.json}, or the folders of {@link #dataDir()} without it
     * @throws TrainingException when the file is malformed
     */
    public InputDataConfig inputDataConfig() {
        Path file = layout.inputDataConfigFile();
        return Files.exists(file) ? InputDataConfig.read(file) : InputDataConfig.fromFolders(dataDir());
    }

    /** @return every channel by name, as {@link #inputDataConfig()} */
    public Map<String, ChannelConfig> channels() {
        return inputDataConfig().channels();
    }

    /**
     * @param name the channel name, e.g. {@code training}
     * @return the channel's folder
     * @throws TrainingException when the folder does not exist, naming the channels present
     */
    public Path channel(String name) {
        return optionalChannel(name).orElseThrow(() -> new TrainingException("channel \"" + name
                + "\" is missing: expected a folder " + dataDir().resolve(name)
                + " (give the job an input channel named " + name + "); channels present: "
                + channels().keySet()));
    }

    /**
     * @param name the channel name, e.g. {@code validation}
     * @return the channel's folder, if it exists
     */
    public Optional<Path> optionalChannel(String name) {
        Path folder = layout.channelDir(name);
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }

    /**
     * @return the resource configuration; a single host {@code algo-1} when the file is absent
     * @throws TrainingException when the file is malformed
     */
    public ResourceConfig resourceConfig() {
        Path file = layout.resourceConfigFile();
        return Files.exists(file) ? ResourceConfig.read(file) : ResourceConfig.singleHost(UNKNOWN_INSTANCE_TYPE);
    }

    @Override
    public String toString() {
        return "TrainingEnvironment[" + root() + "]";
    }
}
