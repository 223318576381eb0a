package dev.drydock.core;

/** The steps of {@link Drydock#submit} and {@link TrainingJob#modelDirectory()}, reported to a {@link JobListener}. */
public enum WorkflowPhase {
    /** Building, finding or pushing the training image. */
    PREPARING_IMAGE,
    /** Uploading local inputs to the backend's storage. */
    UPLOADING_INPUTS,
    /** Asking the backend to start the job. */
    SUBMITTING,
    /** The job runs; status and log events follow. */
    RUNNING,
    /** Downloading and extracting the model. */
    DOWNLOADING_MODEL,
    /** The model is on local disk. */
    DONE
}
