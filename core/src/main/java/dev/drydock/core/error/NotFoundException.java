package dev.drydock.core.error;

/** Something that was named (a job, an image, a storage object, a file) does not exist. */
public class NotFoundException extends DrydockException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with its message. */
    public NotFoundException(String message) {
        super(ErrorCode.NOT_FOUND, message);
    }

    /** Creates the error with its message and the vendor exception it translates. */
    public NotFoundException(String message, Throwable cause) {
        super(ErrorCode.NOT_FOUND, message, cause);
    }
}
