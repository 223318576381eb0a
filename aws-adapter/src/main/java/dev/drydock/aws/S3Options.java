package dev.drydock.aws;

import java.util.Objects;

/**
 * How {@link S3Storage} writes objects.
 *
 * @param encryption            server-side encryption of written objects
 * @param createMissingBuckets  whether a put to a bucket that does not exist creates it (off by default: a
 *                              missing bucket is usually a typo or the wrong account)
 * @param region                the region buckets are created in and that messages name, or {@code null}
 */
public record S3Options(ServerSideEncryption encryption, boolean createMissingBuckets, String region) {
    /** Fills in the default encryption. */
    public S3Options {
        encryption = Objects.requireNonNullElse(encryption, ServerSideEncryption.bucketDefault());
    }

    /** Bucket-default encryption, no bucket creation. */
    public static S3Options defaults() {
        return new S3Options(null, false, null);
    }

    /** These options with {@code value} as encryption. */
    public S3Options withEncryption(ServerSideEncryption value) {
        return new S3Options(value, createMissingBuckets, region);
    }

    /** These options with bucket creation switched {@code on} or off. */
    public S3Options withCreateMissingBuckets(boolean on) {
        return new S3Options(encryption, on, region);
    }

    /** These options naming {@code value} as region. */
    public S3Options withRegion(String value) {
        return new S3Options(encryption, createMissingBuckets, value);
    }
}
