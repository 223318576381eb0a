package dev.drydock.archive;


/**
 * Caps that keep a hostile or broken archive from filling the disk or exhausting inodes and memory.
 *
 * <p>An archive that exceeds a cap is rejected with {@link UnsafeArchiveException} before
 * the entry that would exceed it is written, and nothing of it is left in the target.
 *
 * @param maxTotalBytes       the most bytes of file content all entries together may hold (uncompressed)
 * @param maxEntries          the most entries (files, folders, links) the archive may hold
 * @param maxHeaderBytes      the most bytes one extended header (PAX record set, GNU long name) may hold
 */
public record ExtractionLimits(long maxTotalBytes, long maxEntries, int maxHeaderBytes) {
    /** 20 GiB: larger than any model SageMaker packs in practice, far below a disk-filling bomb. */
    public static final long DEFAULT_MAX_TOTAL_BYTES = 20L * 1024 * 1024 * 1024;
    /** One million entries. */
    public static final long DEFAULT_MAX_ENTRIES = 1_000_000;
    /** 1 MiB per extended header. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 1024 * 1024;

    /** Validates that every cap is positive. */
    public ExtractionLimits {
        Checks v = new Checks();
        v.check(maxTotalBytes > 0, "maxTotalBytes", maxTotalBytes, "must be positive (bytes of uncompressed content)");
        v.check(maxEntries > 0, "maxEntries", maxEntries, "must be positive");
        v.check(maxHeaderBytes >= 512, "maxHeaderBytes", maxHeaderBytes, "must be at least 512");
        v.throwIfAny();
    }

    /** 20 GiB of content, one million entries, 1 MiB per extended header. */
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(DEFAULT_MAX_TOTAL_BYTES, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_HEADER_BYTES);
    }

    /** These limits with a different cap on the total uncompressed size. */
    public ExtractionLimits withMaxTotalBytes(long bytes) {
        return new ExtractionLimits(bytes, maxEntries, maxHeaderBytes);
    }

    /** These limits with a different cap on the number of entries. */
    public ExtractionLimits withMaxEntries(long entries) {
        return new ExtractionLimits(maxTotalBytes, entries, maxHeaderBytes);
    }
}
