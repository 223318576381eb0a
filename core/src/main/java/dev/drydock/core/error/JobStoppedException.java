package dev.drydock.core.error;

/** The training job was stopped before its container saved a model, so it has no model to collect. */
public class JobStoppedException extends DrydockException {
    private static final long serialVersionUID = 1L;

    private final String jobName;

    /** The error for {@code jobName}; {@code detail} says why it stopped when known. */
    public JobStoppedException(String jobName, String detail) {
        super(ErrorCode.JOB_STOPPED, "training job \"" + jobName + "\" was stopped" + (detail == null || detail.isBlank() ? "" : ": " + detail));
        this.jobName = jobName;
    }

    /** The job's name. */
    public String jobName() {
        return jobName;
    }
}
