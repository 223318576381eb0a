package dev.drydock.trainer.contract;

/**
 * A failure whose message is the reason a user should read: it becomes the first line of
 * {@code /opt/ml/output/failure}, hence the job's FailureReason. Throw it for bad input (data, hyperparameters,
 * channels); any other exception is reported as an internal error with its stack trace as the detail.
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
     * @param cause the underlying error, written after the reason as detail
     */
    public TrainingException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
