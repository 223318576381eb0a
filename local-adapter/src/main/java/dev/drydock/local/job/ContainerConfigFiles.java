package dev.drydock.local.job;

import dev.drydock.core.error.DiskSpace;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.model.Channel;
import dev.drydock.core.model.TrainingJobSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the three files SageMaker puts in {@code /opt/ml/input/config/}, with the same names, keys and values.
 *
 * <ul>
 *   <li>{@code hyperparameters.json}: {@code {"name": "value"}}, every value a string;</li>
 *   <li>{@code inputdataconfig.json}: per channel {@code ContentType} (only when set, as SageMaker does),
 *       {@code TrainingInputMode}, {@code S3DistributionType}, {@code RecordWrapperType}, {@code CompressionType};</li>
 *   <li>{@code resourceconfig.json}: {@code current_host}, {@code current_instance_type},
 *       {@code current_group_name} ({@value #GROUP}), {@code hosts} (algo-1 .. algo-N), {@code instance_groups},
 *       {@code network_interface_name} ({@code eth0}).</li>
 * </ul>
 */
public final class ContainerConfigFiles {
    /** The group name SageMaker gives a job without heterogeneous instance groups. */
    public static final String GROUP = "homogeneousCluster";

    private ContainerConfigFiles() {
    }

    /** Writes the three files into {@code folder}'s config folder for {@code host}. */
    public static void write(TrainingJobSpec spec, HostFolder folder, List<String> hosts) {
        try {
            Path config = folder.config();
            Files.createDirectories(config);
            Files.write(config.resolve("hyperparameters.json"), Json.MAPPER.writeValueAsBytes(spec.hyperparameters().values()));
            Files.write(config.resolve("inputdataconfig.json"), Json.MAPPER.writeValueAsBytes(inputDataConfig(spec)));
            Files.write(config.resolve("resourceconfig.json"), Json.MAPPER.writeValueAsBytes(resourceConfig(spec, folder.host(), hosts)));
        } catch (IOException e) {
            throw new StorageIoException("could not write the container config files of " + folder.host() + " into "
                    + folder.config() + ": " + DiskSpace.reason(e), e);
        }
    }

    /** The {@code inputdataconfig.json} document. */
    public static ObjectNode inputDataConfig(TrainingJobSpec spec) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        for (Channel c : spec.channels()) {
            ObjectNode channel = root.putObject(c.name());
            if (c.contentType() != null) {
                channel.put("ContentType", c.contentType());
            }
            channel.put("TrainingInputMode", c.effectiveInputMode(spec.inputMode()).wireName());
            channel.put("S3DistributionType", c.distribution().wireName());
            channel.put("RecordWrapperType", c.recordWrapper().wireName());
            channel.put("CompressionType", c.compression().wireName());
        }
        return root;
    }

    /** The {@code resourceconfig.json} document of {@code host}. */
    public static ObjectNode resourceConfig(TrainingJobSpec spec, String host, List<String> hosts) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        String type = spec.resources().instanceType();
        root.put("current_host", host);
        root.put("current_instance_type", type);
        root.put("current_group_name", GROUP);
        ArrayNode hostArray = root.putArray("hosts");
        hosts.forEach(hostArray::add);
        ObjectNode group = root.putArray("instance_groups").addObject();
        group.put("instance_group_name", GROUP);
        group.put("instance_type", type);
        ArrayNode groupHosts = group.putArray("hosts");
        hosts.forEach(groupHosts::add);
        root.put("network_interface_name", "eth0");
        return root;
    }
}
