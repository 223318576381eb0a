package dev.drydock.local.job;

import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.Storage;
import dev.drydock.local.storage.FileSystemArtifactStore;

import java.nio.file.Path;

/**
 * Publishes results through the {@link FileSystemArtifactStore}'s {@code publish}: packs straight into
 * {@code {outputPath}/{jobName}/output/} with no scratch copy. The default of the local backend.
 */
public final class ArtifactStoreModelPublisher implements ModelPublisher {
    private final FileSystemArtifactStore artifactStore;
    private final Storage storage;

    /** A publisher through {@code artifactStore}, whose storage is {@code storage}. */
    public ArtifactStoreModelPublisher(FileSystemArtifactStore artifactStore, Storage storage) {
        this.artifactStore = artifactStore;
        this.storage = storage;
    }

    @Override
    public void checkWritable(StorageUri outputPath) {
        new StorageModelPublisher(storage).checkWritable(outputPath);
    }

    @Override
    public StorageUri publish(TrainingJobSpec spec, Path modelFolder, Path outputDataFolder) {
        return artifactStore.publish(spec, modelFolder, outputDataFolder);
    }
}
