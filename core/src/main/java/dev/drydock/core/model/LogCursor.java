package dev.drydock.core.model;

import java.util.Objects;

/**
 * Where a reader of a job's logs has got to. Opaque to callers; a backend encodes in it what it needs to resume
 * without gaps or duplicates (file offsets, per-stream tokens), so it can be stored and used by another process.
 *
 * @param token the backend's encoding; empty at the start
 */
public record LogCursor(String token) {
    /** The beginning of the logs. */
    public static final LogCursor START = new LogCursor("");

    /** Validates the token. */
    public LogCursor {
        Objects.requireNonNull(token, "token");
    }

    /** Whether this is the beginning. */
    public boolean isStart() {
        return token.isEmpty();
    }
}
