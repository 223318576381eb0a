package dev.drydock.core.error;

/** The caller lacks the permission to do this (an IAM policy, a file mode). */
public class AccessDeniedException extends DrydockException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with its message. */
    public AccessDeniedException(String message) {
        super(ErrorCode.ACCESS_DENIED, message);
    }

    /** Creates the error with its message and the vendor exception it translates. */
    public AccessDeniedException(String message, Throwable cause) {
        super(ErrorCode.ACCESS_DENIED, message, cause);
    }
}
