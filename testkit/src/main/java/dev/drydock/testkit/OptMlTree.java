package dev.drydock.testkit;

import dev.drydock.core.model.Channel;
import dev.drydock.core.model.TrainingJobSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lays out one host's {@code /opt/ml} folder and writes its config files as SageMaker does. */
final class OptMlTree {
    private OptMlTree() {
    }

    /** Creates the folders and config files of {@code host} below {@code root}. */
    static void prepare(Path root, TrainingJobSpec spec, String host) throws IOException {
        for (String folder : List.of("input/config", "input/data", "model", "output/data", "checkpoints")) {
            Files.createDirectories(root.resolve(folder));
        }
        write(root.resolve("input/config/hyperparameters.json"), MiniJson.write(spec.hyperparameters().values()));
        Map<String, Object> channels = new LinkedHashMap<>();
        for (Channel c : spec.channels()) {
            Map<String, Object> config = new LinkedHashMap<>();
            if (c.contentType() != null) {
                config.put("ContentType", c.contentType());
            }
            config.put("TrainingInputMode", c.effectiveInputMode(spec.inputMode()).wireName());
            config.put("S3DistributionType", c.distribution().wireName());
            config.put("RecordWrapperType", c.recordWrapper().wireName());
            channels.put(c.name(), config);
            Files.createDirectories(root.resolve("input/data/" + c.name()));
        }
        write(root.resolve("input/config/inputdataconfig.json"), MiniJson.write(channels));
        List<String> hosts = spec.resources().hostNames();
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("instance_group_name", "homogeneousCluster");
        group.put("instance_type", spec.resources().instanceType());
        group.put("hosts", hosts);
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("current_host", host);
        resources.put("current_instance_type", spec.resources().instanceType());
        resources.put("current_group_name", "homogeneousCluster");
        resources.put("hosts", hosts);
        resources.put("instance_groups", List.of(group));
        resources.put("network_interface_name", "eth0");
        write(root.resolve("input/config/resourceconfig.json"), MiniJson.write(resources));
    }

    private static void write(Path file, String json) throws IOException {
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }
}
