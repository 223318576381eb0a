package dev.drydock.core.error;

/** A service the backend needs (Docker daemon, registry, cloud endpoint) did not answer; retryable. */
public class BackendUnavailableException extends DrydockException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with its message. */
    public BackendUnavailableException(String message) {
        super(ErrorCode.BACKEND_UNAVAILABLE, message);
    }

    /** Creates the error with its message and the vendor exception it translates. */
    public BackendUnavailableException(String message, Throwable cause) {
        super(ErrorCode.BACKEND_UNAVAILABLE, message, cause);
    }
}
