package dev.drydock.core.error;

import java.time.Duration;

/** The caller's wait for a job ended before the job did. The job itself goes on; await again or stop it. */
public class JobTimeoutException extends DrydockException {
    private static final long serialVersionUID = 1L;

    private final String jobName;
    private final Duration waited;

    /** The error for {@code jobName} after waiting {@code waited}. */
    public JobTimeoutException(String jobName, Duration waited, String lastState) {
        super(ErrorCode.TIMEOUT, "gave up waiting for training job \"" + jobName + "\" after " + waited
                + " (it was " + lastState + "): the job is still running; await it again with a longer timeout,"
                + " or stop it");
        this.jobName = jobName;
        this.waited = waited;
    }

    /** The job's name. */
    public String jobName() {
        return jobName;
    }

    /** How long the caller waited. */
    public Duration waited() {
        return waited;
    }
}
