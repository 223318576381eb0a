package dev.drydock.core.spi;

import dev.drydock.contract.ChannelConfig;
import dev.drydock.contract.CompressionType;
import dev.drydock.contract.Hyperparameters;
import dev.drydock.contract.InputDataConfig;
import dev.drydock.contract.OptMl;
import dev.drydock.contract.RecordWrapperType;
import dev.drydock.contract.ResourceConfig;
import dev.drydock.contract.S3DistributionType;
import dev.drydock.contract.TrainingInputMode;
import dev.drydock.core.model.Channel;
import dev.drydock.core.model.TrainingJobSpec;

import java.util.List;

/**
 * For a backend that plays the platform: a {@link TrainingJobSpec} as the three {@code /opt/ml/input/config} files
 * of the container-contract module, which owns their names, keys and values. Only the mapping lives here.
 */
public final class ContainerConfigs {
    private ContainerConfigs() {
    }

    /**
     * Writes the three files for {@code host} into {@code root}'s {@code input/config} (created when missing).
     *
     * @param spec the job
     * @param root the folder that plays {@code /opt/ml}
     * @param host this host, one of {@code hosts}
     * @param hosts every host of the job
     * @throws dev.drydock.contract.TrainingException when a file cannot be written
     */
    public static void write(TrainingJobSpec spec, java.nio.file.Path root, String host, List<String> hosts) {
        OptMl layout = OptMl.at(root);
        hyperparameters(spec).write(layout.hyperparametersFile());
        inputDataConfig(spec).write(layout.inputDataConfigFile());
        resourceConfig(spec, host, hosts).write(layout.resourceConfigFile());
    }

    /** @return the job's {@code hyperparameters.json} */
    public static Hyperparameters hyperparameters(TrainingJobSpec spec) {
        return Hyperparameters.of(spec.hyperparameters().values());
    }

    /** @return the job's {@code inputdataconfig.json}, each channel's input mode resolved against the job's */
    public static InputDataConfig inputDataConfig(TrainingJobSpec spec) {
        return InputDataConfig.of(spec.channels().stream().map(c -> channel(spec, c)).toList());
    }

    /** @return {@code host}'s {@code resourceconfig.json}: one homogeneous group of {@code hosts} */
    public static ResourceConfig resourceConfig(TrainingJobSpec spec, String host, List<String> hosts) {
        return ResourceConfig.homogeneous(host, hosts, spec.resources().instanceType());
    }

    // core's enums and the contract's share SageMaker's wire names: the names are the mapping.
    private static ChannelConfig channel(TrainingJobSpec spec, Channel c) {
        String where = "channel " + c.name();
        return new ChannelConfig(c.name(), c.contentType(),
                TrainingInputMode.fromWire(c.effectiveInputMode(spec.inputMode()).wireName(), where),
                S3DistributionType.fromWire(c.distribution().wireName(), where),
                RecordWrapperType.fromWire(c.recordWrapper().wireName(), where),
                CompressionType.fromWire(c.compression().wireName(), where));
    }
}
