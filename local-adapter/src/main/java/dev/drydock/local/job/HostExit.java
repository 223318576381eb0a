package dev.drydock.local.job;

import java.util.Objects;

/**
 * How one host's trainer ended.
 *
 * @param host        the host ({@code algo-1} ..)
 * @param exitCode    its exit code; 128+N when killed by signal N
 * @param oomKilled   whether the kernel killed it for running out of memory (known under Docker only)
 * @param detail      what the launcher knows beyond the code (for example a Docker error), or {@code null}
 * @param memoryLimit the memory limit the host ran under, in bytes, or 0 when it had none (or none is known)
 */
public record HostExit(String host, int exitCode, boolean oomKilled, String detail, long memoryLimit) {
    /** Validates the host and the limit. */
    public HostExit {
        Objects.requireNonNull(host, "host");
        if (memoryLimit < 0) {
            throw new IllegalArgumentException("memoryLimit must be 0 (none) or positive, got " + memoryLimit);
        }
    }

    /** An exit of a host that ran without a memory limit. */
    public HostExit(String host, int exitCode, boolean oomKilled, String detail) {
        this(host, exitCode, oomKilled, detail, 0);
    }

    /** A plain exit with {@code exitCode}. */
    public static HostExit of(String host, int exitCode) {
        return new HostExit(host, exitCode, false, null);
    }

    /** Whether the trainer exited 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }
}
