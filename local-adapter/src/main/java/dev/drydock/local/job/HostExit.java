package dev.drydock.local.job;

import java.util.Objects;

/**
 * How one host's trainer ended.
 *
 * @param host      the host ({@code algo-1} ..)
 * @param exitCode  its exit code; 128+N when killed by signal N
 * @param oomKilled whether the kernel killed it for running out of memory (known under Docker only)
 * @param detail    what the launcher knows beyond the code (for example a Docker error), or {@code null}
 */
public record HostExit(String host, int exitCode, boolean oomKilled, String detail) {
    /** Validates the host. */
    public HostExit {
        Objects.requireNonNull(host, "host");
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
