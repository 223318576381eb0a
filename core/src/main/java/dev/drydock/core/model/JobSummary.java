package dev.drydock.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A line of a job listing.
 *
 * @param name    the job's name
 * @param state   its state; {@link JobState#FAILED} for a job whose state could not be read (see {@code problem}),
 *                which can no longer be followed
 * @param created when it was submitted (for an unreadable job, when its record was last written)
 * @param ended   when it ended, or {@code null}
 * @param problem why the job's state could not be read (a corrupt or hand-edited state file), or {@code null}
 *                when it was read: one such job is listed with its problem and the others still show
 */
public record JobSummary(JobName name, JobState state, Instant created, Instant ended, String problem) {
    /** Validates the required fields. */
    public JobSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(created, "created");
    }

    /** A job whose state was read. */
    public JobSummary(JobName name, JobState state, Instant created, Instant ended) {
        this(name, state, created, ended, null);
    }

    /** A job whose state could not be read, for {@code problem}; {@code lastWritten} stands for its creation. */
    public static JobSummary unreadable(JobName name, Instant lastWritten, String problem) {
        return new JobSummary(name, JobState.FAILED, lastWritten, null, Objects.requireNonNull(problem, "problem"));
    }

    /** Why the job's state could not be read, when it could not. */
    public Optional<String> problemIfAny() {
        return Optional.ofNullable(problem);
    }
}
