package dev.drydock.core.error;

/** Reading or writing files or storage objects failed for a reason other than absence or permission. */
public class StorageIoException extends DrydockException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with its message. */
    public StorageIoException(String message) {
        super(ErrorCode.IO, message);
    }

    /** Creates the error with its message and the vendor exception it translates. */
    public StorageIoException(String message, Throwable cause) {
        super(ErrorCode.IO, message, cause);
    }
}
