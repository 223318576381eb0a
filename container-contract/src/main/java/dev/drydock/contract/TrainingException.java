package dev.drydock.contract;

/**
 * A failure whose message is the reason a user should read: it becomes {@code /opt/ml/output/failure}, hence the
 * job's FailureReason. Throw it for bad input (data, hyperparameters, channels, config files) with one line that
 * says what is wrong and how to fix it; any other exception is reported as an internal error, its stack trace
 * going to the log only.
 */
public class TrainingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param reason one line that says what is wrong and how to fix it
     */
    public TrainingException(String reason) {
        super(reason);
    }

    /**
     * @param reason one line that says what is wrong and how to fix it
     * @param cause the underlying error, printed to the log as detail
     */
    public TrainingException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
