package dev.drydock.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /opt/ml/input/config/inputdataconfig.json}: every channel of the job by name, in the job's order.
 *
 * @param channels channel name to its configuration
 */
public record InputDataConfig(Map<String, ChannelConfig> channels) {
    /** Copies the map and checks that each key is its channel's name. */
    public InputDataConfig {
        Map<String, ChannelConfig> copy = new LinkedHashMap<>();
        channels.forEach((name, config) -> {
            if (!config.name().equals(name)) {
                throw new IllegalArgumentException("channel key \"" + name + "\" differs from its name \""
                        + config.name() + "\"");
            }
            copy.put(name, config);
        });
        channels = Collections.unmodifiableMap(copy);
    }

    /**
     * @param channels the channels, in order; names must be unique
     * @return the configuration
     */
    public static InputDataConfig of(List<ChannelConfig> channels) {
        Map<String, ChannelConfig> map = new LinkedHashMap<>();
        for (ChannelConfig c : channels) {
            if (map.put(c.name(), c) != null) {
                throw new IllegalArgumentException("channel \"" + c.name() + "\" is given twice: give each channel"
                        + " a unique name");
            }
        }
        return new InputDataConfig(map);
    }

    /** @return the channel names, in order */
    public Set<String> names() {
        return channels.keySet();
    }

    /**
     * @param name a channel name
     * @return its configuration, if the job has that channel
     */
    public Optional<ChannelConfig> channel(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    /**
     * @param file an {@code inputdataconfig.json}
     * @return its channels
     * @throws TrainingException naming the file, the channel and the field when it is malformed
     */
    public static InputDataConfig read(Path file) {
        Map<String, Object> root = ConfigFiles.readObject(file);
        Map<String, ChannelConfig> out = new LinkedHashMap<>();
        root.forEach((name, value) -> out.put(name, ChannelConfig.fromJson(name, value, file.toString())));
        return new InputDataConfig(out);
    }

    /**
     * The configuration a hand-made tree implies when it has no file: one channel per folder of {@code dataDir},
     * sorted by name, with SageMaker's defaults.
     *
     * @param dataDir {@code /opt/ml/input/data}
     * @return the channels found
     */
    public static InputDataConfig fromFolders(Path dataDir) {
        Map<String, ChannelConfig> out = new LinkedHashMap<>();
        if (Files.isDirectory(dataDir)) {
            try (var folders = Files.list(dataDir)) {
                folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                        .forEach(name -> out.put(name, ChannelConfig.named(name)));
            } catch (IOException e) {
                throw new TrainingException("cannot list the channels in " + dataDir + ": " + e, e);
            }
        }
        return new InputDataConfig(out);
    }

    /**
     * Writes the file as SageMaker does.
     *
     * @param file where to write it (its folder is created)
     */
    public void write(Path file) {
        Map<String, Object> root = new LinkedHashMap<>();
        channels.forEach((name, config) -> root.put(name, config.toJson()));
        ConfigFiles.write(file, root);
    }
}
