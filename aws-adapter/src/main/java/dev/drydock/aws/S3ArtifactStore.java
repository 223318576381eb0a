package dev.drydock.aws;

import dev.drydock.archive.ExtractionLimits;
import dev.drydock.archive.TarGz;
import dev.drydock.core.spi.ArchiveErrors;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.error.StorageObjectNotFoundException;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.ArtifactStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@link ArtifactStore} on S3: downloads a job's {@code model.tar.gz} / {@code output.tar.gz} with {@link S3Storage}
 * (Transfer Manager, multipart, checksums) and extracts it with core's shared safe tar.gz code, so that the rules
 * against path traversal, escaping links, hard links and archive bombs are the local backend's exactly.
 */
public final class S3ArtifactStore implements ArtifactStore {
    private final S3Storage storage;
    private final ExtractionLimits limits;
    private final TarGz tarGz;

    /** A store that reads through {@code storage} and extracts under {@code limits}. */
    public S3ArtifactStore(S3Storage storage, ExtractionLimits limits) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.limits = Objects.requireNonNullElse(limits, ExtractionLimits.defaults());
        this.tarGz = TarGz.builder().limits(this.limits).build();
    }

    /** A store with the default extraction limits. */
    public S3ArtifactStore(S3Storage storage) {
        this(storage, ExtractionLimits.defaults());
    }

    /** The extraction limits. */
    public ExtractionLimits limits() {
        return limits;
    }

    @Override
    public Path download(StorageUri archive, Path target) {
        requireObject(archive);
        if (!exists(archive)) {
            throw missing(archive);
        }
        return storage.get(archive, target);
    }

    @Override
    public Path extract(StorageUri archive, Path target) {
        requireObject(archive);
        if (!exists(archive)) {
            throw missing(archive);
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile("drydock-artifact-", ".tar.gz");
            storage.get(archive, tmp);
            // TarGz checks every entry and moves the result into place only when the whole archive passed.
            try (InputStream in = Files.newInputStream(tmp)) {
                return ArchiveErrors.translate(() -> tarGz.extract(in, target, archive.toString()));
            }
        } catch (IOException e) {
            throw new StorageIoException("cannot stage " + archive + " in a temporary file: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    @Override
    public boolean exists(StorageUri archive) {
        requireObject(archive);
        return storage.head(archive).isPresent();
    }

    private static void requireObject(StorageUri archive) {
        if (archive == null || !archive.isS3() || archive.isPrefix()) {
            throw InvalidInputException.of("archive", archive, "must be the s3:// URI of one object, such as"
                    + " s3://bucket/output/my-job/output/model.tar.gz");
        }
    }

    private static StorageObjectNotFoundException missing(StorageUri archive) {
        return new StorageObjectNotFoundException(archive.toString(), "no archive is there; a job has a model.tar.gz"
                + " only once it completed, at {outputPath}/{jobName}/output/model.tar.gz");
    }
}
