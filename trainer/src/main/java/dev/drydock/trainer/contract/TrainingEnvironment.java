package dev.drydock.trainer.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /opt/ml} tree of the SageMaker training container contract: configuration files, channel folders and
 * the folders whose contents the platform collects.
 *
 * <p>The root is {@code /opt/ml} in a container. A backend that runs the same program as a child process moves it
 * with the system property {@value #ROOT_PROPERTY} or, if that is unset, the environment variable
 * {@value #ROOT_ENV} (the property wins so that tests can set it without touching the environment).
 *
 * <p>Absent configuration files are tolerated as the platform never omits them but a hand-made tree may: no
 * {@code hyperparameters.json} means no hyperparameters, no {@code inputdataconfig.json} means the channels are
 * the folders present, no {@code resourceconfig.json} means a single host {@code algo-1}.
 */
public final class TrainingEnvironment {
    /** Environment variable that moves the {@code /opt/ml} root. */
    public static final String ROOT_ENV = "DRYDOCK_ML_ROOT";
    /** System property that moves the {@code /opt/ml} root; wins over {@value #ROOT_ENV}. */
    public static final String ROOT_PROPERTY = "drydock.ml.root";
    /** The root inside a container. */
    public static final Path DEFAULT_ROOT = Path.of("/opt/ml");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Map<String, String> environment;

    private TrainingEnvironment(Path root, Map<String, String> environment) {
        this.root = root.toAbsolutePath().normalize();
        this.environment = Map.copyOf(environment);
    }

    /** @return the environment of this process, its root chosen as the class documentation says */
    public static TrainingEnvironment fromSystem() {
        String property = System.getProperty(ROOT_PROPERTY);
        String variable = System.getenv(ROOT_ENV);
        Path root = property != null && !property.isBlank() ? Path.of(property)
                : variable != null && !variable.isBlank() ? Path.of(variable) : DEFAULT_ROOT;
        return new TrainingEnvironment(root, System.getenv());
    }

    /**
     * @param root the folder that plays {@code /opt/ml}
     * @return the environment rooted there, without platform environment variables
     */
    public static TrainingEnvironment at(Path root) {
        return new TrainingEnvironment(root, Map.of());
    }

    /** @return the {@code /opt/ml} root (absolute) */
    public Path root() {
        return root;
    }

    /** @return {@code input/config}, where the platform writes the JSON configuration */
    public Path configDir() {
        return root.resolve("input/config");
    }

    /** @return {@code input/data}, one folder per channel */
    public Path dataDir() {
        return root.resolve("input/data");
    }

    /** @return {@code model}, packed by the platform as {@code model.tar.gz}; created on demand */
    public Path modelDir() {
        return createDirectories(root.resolve("model"));
    }

    /** @return {@code output/data}, packed by the platform as {@code output.tar.gz}; created on demand */
    public Path outputDataDir() {
        return createDirectories(root.resolve("output/data"));
    }

    /** @return {@code checkpoints}, synced by the platform when the job asks for it; created on demand */
    public Path checkpointDir() {
        return createDirectories(root.resolve("checkpoints"));
    }

    /** @return {@code output/failure}, whose first 1024 characters become the FailureReason */
    public Path failureFile() {
        return root.resolve("output/failure");
    }

    /** @return {@code TRAINING_JOB_NAME} as set by the platform, if set */
    public Optional<String> jobName() {
        return Optional.ofNullable(environment.get("TRAINING_JOB_NAME")).filter(s -> !s.isBlank());
    }

    /**
     * @return the hyperparameters; none when the file is absent. Values are strings as the platform writes them; a
     *     non-string value in a hand-written file is taken as its JSON text ({@code 5}, {@code true}, {@code [1,2]})
     * @throws TrainingException when the file is not valid JSON or not a JSON object
     */
    public Hyperparameters hyperparameters() {
        Path file = configDir().resolve("hyperparameters.json");
        if (!Files.exists(file)) {
            return Hyperparameters.of(Map.of());
        }
        JsonNode node = readJson(file);
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            // The platform's rule is strings only; a number written by hand is accepted for what it says.
            values.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString());
        }
        return Hyperparameters.of(values);
    }

    /**
     * @return every channel by name, from {@code inputdataconfig.json}, or the folders of {@link #dataDir()} when
     *     the file is absent
     * @throws TrainingException when the file is not a JSON object
     */
    public Map<String, ChannelConfig> channels() {
        Path file = configDir().resolve("inputdataconfig.json");
        Map<String, ChannelConfig> out = new LinkedHashMap<>();
        if (Files.exists(file)) {
            JsonNode node = readJson(file);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode c = e.getValue();
                out.put(e.getKey(), new ChannelConfig(e.getKey(), text(c, "ContentType"), text(c, "TrainingInputMode"),
                        text(c, "S3DistributionType"), text(c, "RecordWrapperType")));
            }
            return out;
        }
        if (Files.isDirectory(dataDir())) {
            try (var folders = Files.list(dataDir())) {
                folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                        .forEach(name -> out.put(name, new ChannelConfig(name, null, null, null, null)));
            } catch (IOException e) {
                throw new TrainingException("cannot list channels in " + dataDir() + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * @param name the channel name, e.g. {@code training}
     * @return the channel's folder
     * @throws TrainingException when the folder does not exist
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
        Path folder = dataDir().resolve(name);
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }

    /**
     * @return the resource configuration; a single host {@code algo-1} when the file is absent
     * @throws TrainingException when the file is malformed
     */
    public ResourceConfig resourceConfig() {
        Path file = configDir().resolve("resourceconfig.json");
        if (!Files.exists(file)) {
            return ResourceConfig.SINGLE_HOST;
        }
        JsonNode node = readJson(file);
        List<String> hosts = new ArrayList<>();
        node.path("hosts").forEach(h -> hosts.add(h.asText()));
        try {
            return new ResourceConfig(text(node, "current_host"), hosts, text(node, "current_instance_type"),
                    text(node, "current_group_name"), text(node, "network_interface_name"));
        } catch (RuntimeException e) {
            throw new TrainingException(file + " is malformed: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode readJson(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new TrainingException(file + " must hold a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new TrainingException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new TrainingException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TrainingEnvironment[" + root + "]";
    }
}
