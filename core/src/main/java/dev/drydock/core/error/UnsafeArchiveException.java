package dev.drydock.core.error;

/** An archive entry would land outside the target folder, is a link that escapes it, or the archive is too large. */
public class UnsafeArchiveException extends DrydockException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with its message. */
    public UnsafeArchiveException(String message) {
        super(ErrorCode.UNSAFE_ARCHIVE, message);
    }

    /** Creates the error with its message and the vendor exception it translates. */
    public UnsafeArchiveException(String message, Throwable cause) {
        super(ErrorCode.UNSAFE_ARCHIVE, message, cause);
    }
}
