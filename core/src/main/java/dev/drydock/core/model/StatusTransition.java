package dev.drydock.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One secondary status a job went through, with when it began and ended (SageMaker's SecondaryStatusTransition).
 *
 * @param status  the secondary status
 * @param started when the job entered it
 * @param ended   when the job left it, or {@code null} while it is current
 * @param message what the backend said about it, possibly empty
 */
public record StatusTransition(SecondaryStatus status, Instant started, Instant ended, String message) {
    /** Validates the required fields. */
    public StatusTransition {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(started, "started");
        message = message == null ? "" : message;
    }

    /** Whether the job is still in this status. */
    public boolean isCurrent() {
        return ended == null;
    }
}
