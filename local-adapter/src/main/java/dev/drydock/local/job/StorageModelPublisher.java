package dev.drydock.local.job;

import dev.drydock.archive.TarGz;
import dev.drydock.core.spi.ArchiveErrors;
import dev.drydock.core.error.AccessDeniedException;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.Storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Packs a job's results with the archive module's {@link TarGz} and puts them into a {@link Storage} at
 * {@code {outputPath}/{jobName}/output/}: {@code output.tar.gz} first (when {@code /opt/ml/output/data} holds
 * anything), {@code model.tar.gz} last, so that a model that exists is complete with its output.
 */
public final class StorageModelPublisher implements ModelPublisher {
    private final Storage storage;
    private final TarGz tarGz;

    /** A publisher into {@code storage}. */
    public StorageModelPublisher(Storage storage) {
        this(storage, TarGz.create());
    }

    /** A publisher into {@code storage} packing with {@code tarGz}. */
    public StorageModelPublisher(Storage storage, TarGz tarGz) {
        this.storage = storage;
        this.tarGz = tarGz;
    }

    @Override
    public void checkWritable(StorageUri outputPath) {
        if (!storage.supports(outputPath)) {
            throw InvalidInputException.of("outputPath", outputPath, "must be a location the local storage serves"
                    + " (file:///... under its configured roots)");
        }
        if (outputPath.isFile()) {
            checkLocalFolderWritable(outputPath.toPath());
        }
    }

    @Override
    public StorageUri publish(TrainingJobSpec spec, Path modelFolder, Path outputDataFolder) {
        Path scratch = modelFolder.getParent();
        if (hasFiles(outputDataFolder)) {
            put(outputDataFolder, scratch.resolve(".output.tar.gz"), spec.outputArtifactUri());
        }
        return put(modelFolder, scratch.resolve(".model.tar.gz"), spec.modelArtifactUri());
    }

    private StorageUri put(Path folder, Path archive, StorageUri target) {
        try {
            ArchiveErrors.translate(() -> tarGz.pack(folder, archive));
            return storage.put(archive, target);
        } finally {
            try {
                Files.deleteIfExists(archive);
            } catch (IOException e) {
                // A leftover scratch file in the job folder harms nothing.
            }
        }
    }

    private static boolean hasFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new StorageIoException("could not read " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Creates the folder and writes a probe file, the only sure test (root ignores modes, file systems are read-only). */
    static void checkLocalFolderWritable(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw InvalidInputException.of("outputPath", folder, "must be a folder that can be created, but " + existing
                    + " is a file; choose another output path");
        }
        if (existing == null) {
            return;
        }
        // The probe goes in the nearest folder that exists: a check before submit must leave no folder behind.
        try {
            Path probe = Files.createTempFile(existing, ".drydock-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new AccessDeniedException("the output path " + folder + " is not writable (" + e
                    + "): fix its permissions or choose another output path", e);
        }
    }
}
