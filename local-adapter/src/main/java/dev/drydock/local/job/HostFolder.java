package dev.drydock.local.job;

import dev.drydock.archive.DiskSpace;
import dev.drydock.contract.OptMl;
import dev.drydock.core.error.StorageIoException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One host's {@code /opt/ml} tree on the local disk, laid out by the container contract's {@link OptMl}: the config
 * files, the channels, {@code model}, {@code output/data}, the failure file (written by the trainer) and the
 * checkpoints. Only the host and the root are this class's own; every name below the root is {@link OptMl}'s.
 *
 * @param host the host's name ({@code algo-1} ..)
 * @param root the folder that stands for {@code /opt/ml}
 */
public record HostFolder(String host, Path root) {
    /** Validates the fields. */
    public HostFolder {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(root, "root");
    }

    /** @return the contract's layout at {@link #root()} */
    public OptMl layout() {
        return OptMl.at(root);
    }

    /** {@code /opt/ml/input}. */
    public Path input() {
        return layout().inputDir();
    }

    /** {@code /opt/ml/input/config}. */
    public Path config() {
        return layout().configDir();
    }

    /** {@code /opt/ml/input/data}. */
    public Path data() {
        return layout().dataDir();
    }

    /** {@code /opt/ml/model}. */
    public Path model() {
        return layout().modelDir();
    }

    /** {@code /opt/ml/output}. */
    public Path output() {
        return layout().outputDir();
    }

    /** {@code /opt/ml/output/data}. */
    public Path outputData() {
        return layout().outputDataDir();
    }

    /** {@code /opt/ml/output/failure}, the file a failing trainer writes its reason to. */
    public Path failureFile() {
        return layout().failureFile();
    }

    /** {@code /opt/ml/checkpoints}. */
    public Path checkpoints() {
        return layout().checkpointsDir();
    }

    /** Creates the empty tree. */
    public HostFolder create() {
        try {
            for (Path p : new Path[] {config(), data(), model(), outputData(), checkpoints()}) {
                Files.createDirectories(p);
            }
            return this;
        } catch (IOException e) {
            throw new StorageIoException("could not create the container folders of " + host + " at " + root + ": " + DiskSpace.reason(e)
                    + "; check that the job root is writable", e);
        }
    }

    /** Deletes what {@code folder} holds (not the folder itself); what cannot be deleted is left. */
    static void emptyQuietly(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(folder)).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left behind: the restarted trainer overwrites what it writes again
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
