package dev.drydock.testkit;

import dev.drydock.contract.OptMl;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.spi.ContainerConfigs;

import java.nio.file.Path;

/** Lays out one host's {@code /opt/ml} folder and writes its config files through the container-contract module. */
final class OptMlTree {
    private OptMlTree() {
    }

    /** Creates the folders and config files of {@code host} below {@code root}. */
    static void prepare(Path root, TrainingJobSpec spec, String host) {
        OptMl layout = OptMl.at(root).create();
        spec.channels().forEach(c -> OptMl.createDirectoriesOf(layout.channelDir(c.name())));
        ContainerConfigs.write(spec, root, host, spec.resources().hostNames());
    }
}
