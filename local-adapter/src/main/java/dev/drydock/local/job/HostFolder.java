package dev.drydock.local.job;

import dev.drydock.archive.DiskSpace;
import dev.drydock.core.error.StorageIoException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One host's {@code /opt/ml} tree on the local disk: {@code input/config}, {@code input/data/<channel>},
 * {@code model}, {@code output/data}, {@code output/failure} (written by the trainer) and {@code checkpoints}.
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

    /** {@code /opt/ml/input}. */
    public Path input() {
        return root.resolve("input");
    }

    /** {@code /opt/ml/input/config}. */
    public Path config() {
        return root.resolve("input/config");
    }

    /** {@code /opt/ml/input/data}. */
    public Path data() {
        return root.resolve("input/data");
    }

    /** {@code /opt/ml/model}. */
    public Path model() {
        return root.resolve("model");
    }

    /** {@code /opt/ml/output}. */
    public Path output() {
        return root.resolve("output");
    }

    /** {@code /opt/ml/output/data}. */
    public Path outputData() {
        return root.resolve("output/data");
    }

    /** {@code /opt/ml/output/failure}, the file a failing trainer writes its reason to. */
    public Path failureFile() {
        return root.resolve("output/failure");
    }

    /** {@code /opt/ml/checkpoints}. */
    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    /** Creates the empty tree. */
    public HostFolder create() {
        try {
            for (Path p : new Path[] {config(), data(), model(), outputData(), checkpoints()}) {
                Files.createDirectories(p);
            }
            return this;
        } catch (IOException e) {
            throw new StorageIoException("could not create the /opt/ml tree of " + host + " at " + root + ": " + DiskSpace.reason(e)
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
