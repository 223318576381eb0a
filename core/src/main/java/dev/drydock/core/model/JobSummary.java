package dev.drydock.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A line of a job listing.
 *
 * @param name    the job's name
 * @param state   its state
 * @param created when it was submitted
 * @param ended   when it ended, or {@code null}
 */
public record JobSummary(JobName name, JobState state, Instant created, Instant ended) {
    /** Validates the required fields. */
    public JobSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(created, "created");
    }
}
