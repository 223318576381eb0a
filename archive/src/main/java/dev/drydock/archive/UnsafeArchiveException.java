package dev.drydock.archive;

/**
 * An archive entry breaks a rule of safe extraction (a path outside the target, a link, a device, a cap of
 * {@link ExtractionLimits}); nothing of the archive is left in the target.
 */
public class UnsafeArchiveException extends ArchiveException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the archive, the entry and the rule it breaks
     */
    public UnsafeArchiveException(String message) {
        super(message, null);
    }
}
