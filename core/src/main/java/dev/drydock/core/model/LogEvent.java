package dev.drydock.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One line a job's container wrote.
 *
 * @param timestamp when it was written
 * @param host      which host wrote it ({@code algo-1} ..)
 * @param message   the line, without its line break
 */
public record LogEvent(Instant timestamp, String host, String message) {
    /** Validates the fields. */
    public LogEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return timestamp + " [" + host + "] " + message;
    }
}
