package dev.drydock.contract;

/**
 * Tells a running program that the platform asked it to stop (SIGTERM on StopTrainingJob or when
 * MaxRuntimeInSeconds is reached). A program polls {@link #stopRequested()} between units of work, then saves what
 * it has (the model so far, a checkpoint) and returns before the platform's SIGKILL.
 */
public final class StopSignal {
    private volatile boolean requested;

    /** @return whether a stop was requested */
    public boolean stopRequested() {
        return requested;
    }

    /** Requests the stop; idempotent. */
    public void request() {
        requested = true;
    }
}
