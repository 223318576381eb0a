package dev.drydock.local.job;

import dev.drydock.core.model.JobDescription;

import java.util.Objects;

/**
 * A job's persisted state: its description plus what the local backends need to manage it from any process.
 *
 * @param description the job's description
 * @param backend     the backend that ran it ({@code process}, {@code docker})
 * @param ownerPid    the process that runs it, to notice when that process died before the job ended
 */
public record StoredJob(JobDescription description, String backend, long ownerPid) {
    /** Validates the fields. */
    public StoredJob {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(backend, "backend");
    }
}
