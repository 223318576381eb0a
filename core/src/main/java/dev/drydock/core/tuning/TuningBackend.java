package dev.drydock.core.tuning;

/**
 * Runs tuning jobs: on SageMaker (Automatic Model Tuning), or locally over any training backend
 * ({@link LocalTuningBackend}).
 *
 * <p>Contract, for every adapter:
 * <ul>
 *   <li>{@link #submit} validates nothing more than the spec did, returns at once with the job InProgress, and runs
 *       its trials in the background: at most the parallel limit at once, at most the trial limit in all, each a
 *       training job named {@code <tuning-job>-NNN-<hash>} made from the spec's training template. Submitting the
 *       identical spec again returns the existing job (and locally resumes it if the process that ran it died,
 *       without running finished trials again); a different spec under a taken name throws
 *       {@link dev.drydock.core.error.JobAlreadyExistsException}.</li>
 *   <li>{@link #describe} of an unknown name throws {@link TuningJobNotFoundException}; it works from any process.</li>
 *   <li>{@link #stop} stops the running trials and ends the job Stopped; stopping an ended job changes nothing.</li>
 * </ul>
 */
public interface TuningBackend {

    /** A short name for messages ({@code local}, {@code sagemaker}). */
    String name();

    /** Starts (or, for the same spec, returns or resumes) a tuning job. */
    TuningJobDescription submit(TuningJobSpec spec);

    /** The tuning job's current description, trials included. */
    TuningJobDescription describe(TuningJobName name);

    /** Asks a running tuning job to stop; does nothing to an ended one. */
    void stop(TuningJobName name);
}
