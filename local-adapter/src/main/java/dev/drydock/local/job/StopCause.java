package dev.drydock.local.job;

/** Why the run loop stops a job's hosts. */
enum StopCause {
    /** Someone called stop. */
    REQUESTED,
    /** The job ran past its max runtime. */
    MAX_RUNTIME,
    /** A host failed while others still ran (SageMaker stops the others too). */
    HOST_FAILED,
    /**
     * The JVM that runs the job is exiting normally (Ctrl-C, SIGTERM, the end of main): the job is stopped as by a
     * request, SIGTERM then SIGKILL after the grace period, so that what the trainer saves still counts.
     */
    EXITING,
    /**
     * A spot interruption drill: the hosts get SIGTERM and the grace period, what they checkpointed is kept, and the
     * job starts again on its checkpoints, as SageMaker restarts a managed spot job whose instance was reclaimed.
     */
    SPOT_INTERRUPTION,
    /** The JVM is exiting and the job did not stop within its grace period: its hosts are killed. */
    SHUTDOWN;

    /** Whether the job ends Stopped and publishes what its container saved, as SageMaker does for a stopped job. */
    boolean keepsWhatWasSaved() {
        return this == REQUESTED || this == MAX_RUNTIME || this == EXITING;
    }
}
