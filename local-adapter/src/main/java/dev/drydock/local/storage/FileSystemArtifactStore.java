package dev.drydock.local.storage;

import dev.drydock.archive.TarGz;
import dev.drydock.core.spi.ArchiveErrors;
import dev.drydock.core.error.StorageObjectNotFoundException;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.ArtifactStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@link ArtifactStore} for archives on the local file system ({@code file://}), and the packer the local training
 * backends publish with.
 *
 * <p>Extraction is the archive module's {@link TarGz}: safe (no {@code ..}, absolute paths, escaping links, devices; size and
 * entry caps) and all-or-nothing. Packing writes the archive beside its final name and renames it, so a reader
 * never sees a partial {@code model.tar.gz}. URIs are checked by the {@link FileSystemStorage} given (scheme and
 * allowed roots).
 */
public final class FileSystemArtifactStore implements ArtifactStore {
    private final FileSystemStorage storage;
    private final TarGz tarGz;

    /** A store for every path that {@code storage} serves, packing and extracting with {@code tarGz}. */
    public FileSystemArtifactStore(FileSystemStorage storage, TarGz tarGz) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.tarGz = Objects.requireNonNull(tarGz, "tarGz");
    }

    /** A store for every path that {@code storage} serves, with {@link TarGz#create()}'s defaults. */
    public FileSystemArtifactStore(FileSystemStorage storage) {
        this(storage, TarGz.create());
    }

    /** A store for every absolute path, with {@link TarGz#create()}'s defaults. */
    public static FileSystemArtifactStore create() {
        return new FileSystemArtifactStore(FileSystemStorage.create());
    }

    @Override
    public Path download(StorageUri archive, Path target) {
        return storage.get(archive, target);
    }

    @Override
    public Path extract(StorageUri archive, Path target) {
        Path file = storage.pathOf(archive);
        if (!Files.isRegularFile(file)) {
            throw new StorageObjectNotFoundException(archive.toString(), "no archive exists there; a job has a"
                    + " model.tar.gz only once it Completed");
        }
        return ArchiveErrors.translate(() -> tarGz.extract(file, target));
    }

    @Override
    public boolean exists(StorageUri archive) {
        return Files.isRegularFile(storage.pathOf(archive));
    }

    /**
     * Packs the content of {@code folder} into the {@code .tar.gz} at {@code archive}, atomically.
     *
     * @return {@code archive}
     */
    public StorageUri pack(Path folder, StorageUri archive) {
        ArchiveErrors.translate(() -> tarGz.pack(folder, storage.pathOf(archive)));
        return archive;
    }

    /**
     * Publishes a finished job's results as SageMaker does: {@code outputDataFolder} (the container's
     * {@code /opt/ml/output/data}) into {@link TrainingJobSpec#outputArtifactUri()} when it holds anything, then
     * {@code modelFolder} ({@code /opt/ml/model}) into {@link TrainingJobSpec#modelArtifactUri()}, last, so that a
     * model that exists is complete with its output. Call it only for a job that succeeded.
     *
     * @return the model archive's URI
     */
    public StorageUri publish(TrainingJobSpec spec, Path modelFolder, Path outputDataFolder) {
        if (outputDataFolder != null && hasEntries(outputDataFolder)) {
            pack(outputDataFolder, spec.outputArtifactUri());
        }
        return pack(modelFolder, spec.modelArtifactUri());
    }

    private static boolean hasEntries(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            throw FileSystemStorage.translate("read", folder, e);
        }
    }
}
