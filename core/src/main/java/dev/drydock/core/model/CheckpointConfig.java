package dev.drydock.core.model;

import dev.drydock.core.error.Violations;

/**
 * Checkpoints synced between the container's {@code localPath} and storage, so that a restarted (spot) job resumes.
 *
 * @param uri       where checkpoints are kept
 * @param localPath the folder in the container, absolute; {@value #DEFAULT_LOCAL_PATH} by default
 */
public record CheckpointConfig(StorageUri uri, String localPath) {
    /** SageMaker's default checkpoint folder. */
    public static final String DEFAULT_LOCAL_PATH = dev.drydock.contract.OptMl.CONTAINER_CHECKPOINTS;

    /** Validates the location and the folder. */
    public CheckpointConfig {
        Violations v = new Violations();
        v.check(uri != null, "uri", null, "must be a storage URI for the checkpoints, such as s3://bucket/checkpoints/");
        if (localPath == null) {
            localPath = DEFAULT_LOCAL_PATH;
        }
        v.check(localPath.startsWith("/") && localPath.length() <= 4096, "localPath", localPath, "must be an absolute path");
        v.throwIfAny();
    }

    /** Checkpoints at {@code uri}, synced with {@value #DEFAULT_LOCAL_PATH}. */
    public static CheckpointConfig of(StorageUri uri) {
        return new CheckpointConfig(uri, DEFAULT_LOCAL_PATH);
    }
}
