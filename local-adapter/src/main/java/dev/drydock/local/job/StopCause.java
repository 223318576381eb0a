package dev.drydock.local.job;

/** Why the run loop stops a job's hosts. */
enum StopCause {
    /** Someone called stop. */
    REQUESTED,
    /** The job ran past its max runtime. */
    MAX_RUNTIME,
    /** A host failed while others still ran (SageMaker stops the others too). */
    HOST_FAILED,
    /** The JVM is exiting. */
    SHUTDOWN
}
