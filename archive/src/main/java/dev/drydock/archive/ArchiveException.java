package dev.drydock.archive;

/**
 * Packing or extracting failed: the files could not be read or written, or the archive is corrupt. The message says
 * which file and why; the cause is the I/O error.
 */
public class ArchiveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, on which file, and how to fix it
     */
    public ArchiveException(String message) {
        super(message);
    }

    /**
     * @param message what failed, on which file
     * @param cause the underlying error, or {@code null}
     */
    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
