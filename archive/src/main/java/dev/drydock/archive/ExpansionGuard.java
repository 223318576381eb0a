package dev.drydock.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how many times an archive expands (bytes out of the decompressor per compressed byte into it) and refuses
 * one that expands more than {@link ExtractionLimits#maxCompressionRatio()}: the "zip bomb" that writes gigabytes
 * from a few megabytes. The counters are read by the extracting thread while a read-ahead thread fills them.
 */
final class ExpansionGuard {
    private final ExtractionLimits limits;
    private final AtomicLong compressed = new AtomicLong();
    private final AtomicLong inflated = new AtomicLong();

    ExpansionGuard(ExtractionLimits limits) {
        this.limits = limits;
    }

    /** {@code in} (compressed bytes), counted. */
    InputStream compressed(InputStream in) {
        return new Counting(in, compressed);
    }

    /** {@code in} (decompressed bytes), counted. */
    InputStream inflated(InputStream in) {
        return new Counting(in, inflated);
    }

    /**
     * Throws when the archive has expanded too much so far; {@code reject} names the entry being written.
     */
    void check(java.util.function.Function<String, UnsafeArchiveException> reject) {
        long out = inflated.get();
        long in = Math.max(1, compressed.get());
        if (out >= ExtractionLimits.RATIO_CHECKED_AFTER_BYTES && out / in > limits.maxCompressionRatio()) {
            throw reject.apply("the archive expands " + (out / in) + " times (" + out + " bytes from " + in
                    + " compressed so far), more than a real model or data set does (rule: at most maxCompressionRatio="
                    + limits.maxCompressionRatio() + "; a trusted archive can be extracted with a larger"
                    + " ExtractionLimits.withMaxCompressionRatio)");
        }
    }

    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count.addAndGet(Math.max(0, skipped));
            return skipped;
        }
    }
}
