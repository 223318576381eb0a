package dev.drydock.trainer.contract;

/**
 * Tells a running program that the platform asked it to stop (SIGTERM on Stop or MaxRuntimeInSeconds). A
 * program polls {@link #stopRequested()} between units of work, then saves what it has and returns.
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
