package dev.drydock.core.error;

/** The backend asked the caller to slow down (throttling, a rate limit); retryable after a pause. */
public class ThrottledException extends DrydockException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with its message. */
    public ThrottledException(String message) {
        super(ErrorCode.THROTTLED, message);
    }

    /** Creates the error with its message and the vendor exception it translates. */
    public ThrottledException(String message, Throwable cause) {
        super(ErrorCode.THROTTLED, message, cause);
    }
}
