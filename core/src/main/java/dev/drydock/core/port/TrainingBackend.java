package dev.drydock.core.port;

import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobSummary;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.model.TrainingJobSpec;

import java.util.List;

/**
 * Runs training jobs under the SageMaker container contract: on SageMaker, in a local container, or as a local
 * child process.
 *
 * <p>Contract, for every adapter (see the testkit's {@code TrainingBackendContractTest}):
 * <ul>
 *   <li>{@link #submit} returns at once with the job InProgress; the job runs in the background. Submitting a spec
 *       whose name is taken by a different job throws {@link dev.drydock.core.error.JobAlreadyExistsException};
 *       submitting the identical spec again (a retry) returns the existing job.</li>
 *   <li>{@link #describe} of an unknown name throws {@link dev.drydock.core.error.JobNotFoundException}. A job ends
 *       Completed (exit code 0, model stored at {@link TrainingJobSpec#modelArtifactUri()} and named by
 *       {@link JobDescription#modelArtifact()}), Failed (with the first 1024 characters of
 *       {@code /opt/ml/output/failure}, or a reason naming the exit code or signal), or Stopped. Nothing of a
 *       failed job is published as a model. A stopped job keeps what its container saved, as SageMaker does: whatever
 *       {@code algo-1} left in {@code /opt/ml/model} by the time every host ended (within the grace period, or when
 *       killed) is published at {@link TrainingJobSpec#modelArtifactUri()} and named by
 *       {@link JobDescription#modelArtifact()}; a stopped job whose container saved nothing there has no model.</li>
 *   <li>{@link #readLogs} returns the lines written after the cursor, with host and time, and a cursor that resumes
 *       without gaps or duplicates, also in another process; an unknown job throws
 *       {@link dev.drydock.core.error.JobNotFoundException}.</li>
 *   <li>{@link #stop} moves a running job to Stopping then Stopped (SIGTERM, then SIGKILL after the grace period,
 *       in which the container may save its model); stopping an ended job changes nothing.</li>
 *   <li>A job runs at most its max runtime, then is stopped with secondary status MaxRuntimeExceeded.</li>
 * </ul>
 */
public interface TrainingBackend {

    /** A short name of the backend for messages ({@code process}, {@code docker}, {@code sagemaker}). */
    String name();

    /** Starts a job and returns its first description (InProgress). */
    JobDescription submit(TrainingJobSpec spec);

    /**
     * This backend's own rules for {@code spec} that hold before its inputs exist (a checkpoint or output location its
     * storage serves, a setting it cannot honour): the workflow calls it before it pushes or uploads anything, so that
     * such a fault changes nothing. {@link #submit} applies them again. Accepts every spec by default.
     *
     * @throws dev.drydock.core.error.InvalidInputException when a rule is broken, naming the field, value and fix
     */
    default void check(TrainingJobSpec spec) {
    }

    /** The job's current description. */
    JobDescription describe(JobName name);

    /** The log lines after {@code cursor}, and where to read on from. */
    LogPage readLogs(JobName name, LogCursor cursor);

    /** Asks a running job to stop; does nothing to an ended job. */
    void stop(JobName name);

    /**
     * A spot interruption drill: interrupts a running managed spot job with checkpoints as a reclaimed spot instance
     * would (SIGTERM, the grace period), then restarts it under the same name on its checkpoints, as SageMaker does;
     * its description shows the interruption and bills only the time its hosts ran.
     *
     * @throws dev.drydock.core.error.ConfigurationException when the backend cannot interrupt a job on purpose
     *                                                       (SageMaker's instances are interrupted by AWS only)
     * @throws dev.drydock.core.error.InvalidInputException  when the job is not a running spot job with checkpoints
     */
    default void interrupt(JobName name) {
        throw new dev.drydock.core.error.ConfigurationException("the " + name() + " backend cannot interrupt job " + name
                + " on purpose: the spot interruption drill runs on the local backends (process, docker)");
    }

    /** The most recent jobs, newest first, at most {@code max}. */
    List<JobSummary> list(int max);
}
