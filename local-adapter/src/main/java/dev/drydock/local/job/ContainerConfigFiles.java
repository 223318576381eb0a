package dev.drydock.local.job;

import dev.drydock.archive.DiskSpace;
import dev.drydock.contract.InputDataConfig;
import dev.drydock.contract.ResourceConfig;
import dev.drydock.contract.TrainingException;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.spi.ContainerConfigs;

import java.util.List;

/**
 * Writes the three files SageMaker puts in {@code /opt/ml/input/config/} through the container-contract module,
 * the one owner of their names, keys and values, by the mapping in {@link ContainerConfigs}.
 */
public final class ContainerConfigFiles {
    /** The group name SageMaker gives a job without heterogeneous instance groups. */
    public static final String GROUP = ResourceConfig.HOMOGENEOUS_GROUP;

    private ContainerConfigFiles() {
    }

    /** Writes the three files into {@code folder}'s config folder for {@code host}. */
    public static void write(TrainingJobSpec spec, HostFolder folder, List<String> hosts) {
        try {
            ContainerConfigs.write(spec, folder.root(), folder.host(), hosts);
        } catch (TrainingException e) {
            throw new StorageIoException("could not write the container config files of " + folder.host() + " into "
                    + folder.config() + ": " + DiskSpace.reason(e), e);
        }
    }

    /** The {@code inputdataconfig.json} of {@code spec}. */
    public static InputDataConfig inputDataConfig(TrainingJobSpec spec) {
        return ContainerConfigs.inputDataConfig(spec);
    }
}
