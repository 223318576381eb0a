package dev.drydock.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An object (a file) in storage.
 *
 * @param uri          where it is
 * @param size         its size in bytes
 * @param lastModified when it was last written
 * @param sha256       its SHA-256 in lower-case hex when the storage records one, else {@code null}
 */
public record StorageObject(StorageUri uri, long size, Instant lastModified, String sha256) {
    /** Validates the required fields. */
    public StorageObject {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(lastModified, "lastModified");
    }
}
