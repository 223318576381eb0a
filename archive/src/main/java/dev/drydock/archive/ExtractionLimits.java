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
 * @param maxCompressionRatio the most times the archive may expand (tar bytes out per compressed byte in), checked
 *                            once {@value #RATIO_CHECKED_AFTER_BYTES} bytes came out: a "zip bomb" of zeros expands
 *                            about 1000 times, a model or data about 2 to 20 times
 */
public record ExtractionLimits(long maxTotalBytes, long maxEntries, int maxHeaderBytes, int maxCompressionRatio) {
    /** 20 GiB: larger than any model SageMaker packs in practice, far below a disk-filling bomb. */
    public static final long DEFAULT_MAX_TOTAL_BYTES = 20L * 1024 * 1024 * 1024;
    /** One million entries. */
    public static final long DEFAULT_MAX_ENTRIES = 1_000_000;
    /** 1 MiB per extended header. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 1024 * 1024;
    /**
     * 100: ten times what real models and data reach (an XGBoost model's JSON about 3-5, CSV about 5-10), a tenth of
     * what a bomb of zeros reaches (gzip's limit is about 1032).
     */
    public static final int DEFAULT_MAX_COMPRESSION_RATIO = 100;
    /** Below this many uncompressed bytes the ratio is not checked: a small archive of empty files is all padding. */
    public static final long RATIO_CHECKED_AFTER_BYTES = 16L * 1024 * 1024;

    /** Validates that every cap is positive. */
    public ExtractionLimits {
        Checks v = new Checks();
        v.check(maxTotalBytes > 0, "maxTotalBytes", maxTotalBytes, "must be positive (bytes of uncompressed content)");
        v.check(maxEntries > 0, "maxEntries", maxEntries, "must be positive");
        v.check(maxHeaderBytes >= 512, "maxHeaderBytes", maxHeaderBytes, "must be at least 512");
        v.check(maxCompressionRatio >= 2, "maxCompressionRatio", maxCompressionRatio,
                "must be at least 2 (uncompressed bytes per compressed byte; " + DEFAULT_MAX_COMPRESSION_RATIO + " by default)");
        v.throwIfAny();
    }

    /** The caps without a bound on the compression ratio beyond the default's. */
    public ExtractionLimits(long maxTotalBytes, long maxEntries, int maxHeaderBytes) {
        this(maxTotalBytes, maxEntries, maxHeaderBytes, DEFAULT_MAX_COMPRESSION_RATIO);
    }

    /** 20 GiB of content, one million entries, 1 MiB per extended header, expanding at most 100 times. */
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(DEFAULT_MAX_TOTAL_BYTES, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_HEADER_BYTES,
                DEFAULT_MAX_COMPRESSION_RATIO);
    }

    /** These limits with a different cap on the total uncompressed size. */
    public ExtractionLimits withMaxTotalBytes(long bytes) {
        return new ExtractionLimits(bytes, maxEntries, maxHeaderBytes, maxCompressionRatio);
    }

    /** These limits with a different cap on the number of entries. */
    public ExtractionLimits withMaxEntries(long entries) {
        return new ExtractionLimits(maxTotalBytes, entries, maxHeaderBytes, maxCompressionRatio);
    }

    /** These limits with a different cap on how many times the archive may expand (for a trusted, very sparse one). */
    public ExtractionLimits withMaxCompressionRatio(int ratio) {
        return new ExtractionLimits(maxTotalBytes, maxEntries, maxHeaderBytes, ratio);
    }
}
