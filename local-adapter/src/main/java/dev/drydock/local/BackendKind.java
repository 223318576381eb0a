package dev.drydock.local;

/** Which local training backend runs the jobs. */
public enum BackendKind {
    /** Child processes of this JVM, no Docker needed: the default. */
    PROCESS,
    /** Containers of the job's image in a Docker daemon, as SageMaker runs them. */
    DOCKER
}
