package dev.drydock.core.error;

/** A different training job of that name already exists; job names are unique per backend (per account and region on SageMaker). */
public class JobAlreadyExistsException extends DrydockException {
    private static final long serialVersionUID = 1L;

    private final String jobName;

    /** The error for {@code jobName}. */
    public JobAlreadyExistsException(String jobName) {
        this(jobName, null);
    }

    /** The error for {@code jobName}, translating the vendor exception {@code cause}. */
    public JobAlreadyExistsException(String jobName, Throwable cause) {
        super(ErrorCode.ALREADY_EXISTS, "a training job named \"" + jobName + "\" already exists: choose another"
                + " name, or leave the name out and set a base name so that drydock generates a unique one", cause);
        this.jobName = jobName;
    }

    /** The error for {@code jobName} with its own {@code message} (what differs, how to attach or rename). */
    public JobAlreadyExistsException(String jobName, String message, Throwable cause) {
        super(ErrorCode.ALREADY_EXISTS, message, cause);
        this.jobName = jobName;
    }

    /** The name that is taken. */
    public String jobName() {
        return jobName;
    }
}
