package dev.drydock.trainer.predict;

/** Prediction failed: an unreadable model, or input that does not fit the model. The message says which. */
public class PredictionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and how to fix it
     * @param cause the underlying error, or {@code null}
     */
    public PredictionException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private final boolean badInput;

    private PredictionException(String message, Throwable cause, boolean badInput) {
        super(message, cause);
        this.badInput = badInput;
    }

    /** An error in what the user gave (a missing or malformed model, input or output path): fix and run again. */
    public static PredictionException badInput(String message, Throwable cause) {
        return new PredictionException(message, cause, true);
    }

    /** Whether the user's input was at fault, rather than the machine (a full disk, an I/O error). */
    public boolean isBadInput() {
        return badInput;
    }
}
