package dev.drydock.core.error;

/** The training job ended in Failed; {@link #failureReason()} is what the container (or the platform) said. */
public class JobFailedException extends DrydockException {
    private static final long serialVersionUID = 1L;

    private final String jobName;
    private final String failureReason;

    /** The error for {@code jobName} that failed with {@code failureReason}. */
    public JobFailedException(String jobName, String failureReason) {
        super(ErrorCode.JOB_FAILED, "training job \"" + jobName + "\" failed: " + failureReason);
        this.jobName = jobName;
        this.failureReason = failureReason;
    }

    /** The job's name. */
    public String jobName() {
        return jobName;
    }

    /** The job's failure reason (the first 1024 characters of the failure file, or the platform's reason). */
    public String failureReason() {
        return failureReason;
    }
}
