package dev.drydock.aws;

import dev.drydock.core.error.InvalidInputException;

/**
 * How S3 encrypts the objects drydock writes.
 *
 * @param mode     none (the bucket's default applies), S3-managed keys (AES256) or a KMS key
 * @param kmsKeyId the KMS key id, alias or ARN for {@link Mode#KMS}; {@code null} means the account's aws/s3 key
 */
public record ServerSideEncryption(Mode mode, String kmsKeyId) {

    /** The kinds of server-side encryption drydock can ask for. */
    public enum Mode {
        /** Send no encryption header: the bucket's default encryption applies. */
        BUCKET_DEFAULT,
        /** SSE-S3 (AES256). */
        S3_MANAGED,
        /** SSE-KMS, with the given key or the account's default aws/s3 key. */
        KMS
    }

    /** Validates that a key id is only given for KMS. */
    public ServerSideEncryption {
        if (mode == null) {
            throw InvalidInputException.of("serverSideEncryption.mode", null, "must be BUCKET_DEFAULT, S3_MANAGED or KMS");
        }
        if (kmsKeyId != null && (mode != Mode.KMS || kmsKeyId.isBlank())) {
            throw InvalidInputException.of("serverSideEncryption.kmsKeyId", kmsKeyId,
                    "may only be set, non-blank, with mode KMS");
        }
    }

    /** The bucket's own default encryption. */
    public static ServerSideEncryption bucketDefault() {
        return new ServerSideEncryption(Mode.BUCKET_DEFAULT, null);
    }

    /** SSE-S3 (AES256). */
    public static ServerSideEncryption s3Managed() {
        return new ServerSideEncryption(Mode.S3_MANAGED, null);
    }

    /** SSE-KMS with {@code keyId}, or the account's aws/s3 key when {@code null}. */
    public static ServerSideEncryption kms(String keyId) {
        return new ServerSideEncryption(Mode.KMS, keyId);
    }
}
