package dev.drydock.local.job;

/**
 * The trainer's Java heap as the local backends' {@code trainer-heap} setting gives it: a size such as {@code 4g}
 * (see {@link MemorySize}), passed to the trainer JVM as {@code -Xmx}.
 *
 * <p>Precedence, strongest first: the job's {@code java_heap} hyperparameter (drydock's trainer runs itself again
 * with that {@code -Xmx}, on every backend, SageMaker included), then this setting, then an {@code -Xmx} in
 * {@code DRYDOCK_JAVA_OPTS} (process backend), then the JVM's default (a quarter of the machine's or the
 * container's memory).
 */
public final class TrainerHeap {
    /** The smallest heap taken, as for {@code java_heap}: the trainer does not start in less. */
    public static final long MIN_BYTES = 128L << 20;

    private TrainerHeap() {
    }

    /**
     * The bytes of {@code value}, the setting {@code field}.
     *
     * @throws IllegalArgumentException naming the field, the value and the rule
     */
    public static long parse(String field, String value) {
        long bytes = MemorySize.parse(field, value);
        if (bytes < MIN_BYTES) {
            throw new IllegalArgumentException(field + " must be a heap of at least 128m, got \"" + value + "\"; give a size"
                    + " such as 2g");
        }
        return bytes;
    }

    /**
     * {@code bytes} when it is at least {@link #MIN_BYTES}.
     *
     * @throws IllegalArgumentException naming the field and the value otherwise
     */
    public static long check(String field, long bytes) {
        if (bytes < MIN_BYTES) {
            throw new IllegalArgumentException(field + " must be a heap of at least 128m, got " + MemorySize.format(bytes)
                    + "; give a size such as 2g");
        }
        return bytes;
    }

    /** The JVM option for a heap of {@code bytes}: {@code -Xmx<MiB>m}. */
    public static String xmx(long bytes) {
        return "-Xmx" + (bytes >> 20) + "m";
    }
}
