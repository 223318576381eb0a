package dev.drydock.testkit;

import dev.drydock.archive.ExtractionLimits;
import dev.drydock.archive.TarGz;
import dev.drydock.core.spi.ArchiveErrors;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.error.StorageObjectNotFoundException;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.ArtifactStore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An {@link ArtifactStore} over an {@link InMemoryStorage}, extracting with the archive module's safe {@link TarGz}. */
public final class InMemoryArtifactStore implements ArtifactStore {
    private final InMemoryStorage storage;
    private final TarGz tarGz;

    /** A store over {@code storage} with the default extraction limits. */
    public InMemoryArtifactStore(InMemoryStorage storage) {
        this(storage, ExtractionLimits.defaults());
    }

    /** A store over {@code storage} that extracts within {@code limits}. */
    public InMemoryArtifactStore(InMemoryStorage storage, ExtractionLimits limits) {
        this.storage = storage;
        this.tarGz = TarGz.builder().limits(limits).build();
    }

    @Override
    public Path download(StorageUri archive, Path target) {
        byte[] bytes = bytesOf(archive);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            return Files.write(target, bytes);
        } catch (IOException e) {
            throw new StorageIoException("writing " + archive + " to " + target + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Path extract(StorageUri archive, Path target) {
        ArchiveErrors.translate(() -> tarGz.extract(new ByteArrayInputStream(bytesOf(archive)), target, archive.toString()));
        return target;
    }

    @Override
    public boolean exists(StorageUri archive) {
        return storage.exists(archive);
    }

    private byte[] bytesOf(StorageUri archive) {
        return storage.bytes(archive).orElseThrow(() -> new StorageObjectNotFoundException(archive.toString(),
                "no archive was stored there; a job has a model.tar.gz only once it Completed"));
    }
}
