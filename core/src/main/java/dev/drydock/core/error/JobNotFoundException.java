package dev.drydock.core.error;

/** No training job of that name exists on the backend that was asked. */
public class JobNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    private final String jobName;

    /** The error for {@code jobName}, with a hint where to look. */
    public JobNotFoundException(String jobName, String where) {
        this(jobName, where, null);
    }

    /** The error for {@code jobName}, translating the vendor exception {@code cause}. */
    public JobNotFoundException(String jobName, String where, Throwable cause) {
        super("training job \"" + jobName + "\" was not found " + where
                + ": check the name, and that drydock points at the backend (and region or job root) that ran it", cause);
        this.jobName = jobName;
    }

    /** The name that was looked up. */
    public String jobName() {
        return jobName;
    }
}
