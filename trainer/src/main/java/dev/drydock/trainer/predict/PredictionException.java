package dev.drydock.trainer.predict;

/** Prediction failed: an unreadable model, or input that does not fit the model. The message says which. */
public class PredictionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and how to fix it
     * @param cause the underlying error, or {@code null}
     */
    public PredictionException(String message, Throwable cause) {
        super(message, cause);
    }
}
