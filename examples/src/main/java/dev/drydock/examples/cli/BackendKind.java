package dev.drydock.examples.cli;

/** Which backend the command line runs jobs on. */
public enum BackendKind {
    /** The trainer as a child process on this machine: no Docker needed (the default). */
    PROCESS,
    /** The training image in a local Docker container. */
    DOCKER,
    /** Amazon SageMaker. */
    SAGEMAKER
}
