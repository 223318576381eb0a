package dev.drydock.core.error;

/** The calling thread was interrupted while drydock waited; the interrupt flag is set again before this is thrown. */
public class DrydockInterruptedException extends DrydockException {
    private static final long serialVersionUID = 1L;

    /** The error for an interrupted wait on {@code what}. */
    public DrydockInterruptedException(String what, InterruptedException cause) {
        super(ErrorCode.INTERRUPTED, "interrupted while " + what, cause);
    }
}
