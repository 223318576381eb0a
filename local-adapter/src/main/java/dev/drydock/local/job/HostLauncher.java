package dev.drydock.local.job;

import dev.drydock.core.model.JobName;
import dev.drydock.core.model.TrainingJobSpec;

import java.util.List;

/**
 * Starts the hosts of a job: the part that differs between the child-process and the Docker backend.
 * Implementations are thread-safe.
 */
public interface HostLauncher {

    /** A short name for messages ({@code process}, {@code docker}). */
    String name();

    /**
     * Checks, before anything is started, what would make the job fail at once (a missing image, an unreachable
     * daemon); throws the matching {@link dev.drydock.core.error.DrydockException}.
     */
    void preflight(TrainingJobSpec spec);

    /**
     * Whether this launcher can show the host's checkpoint folder to the trainer at any path the spec's checkpoint
     * config names (a container mount can), or only at the host folder's {@code checkpoints/}.
     */
    default boolean mountsCheckpointsAnywhere() {
        return false;
    }

    /** Prepares what the hosts share (a network) before the first {@link #launch}. */
    default void beforeHosts(JobName job, List<String> hosts) {
    }

    /** Starts one host; the trainer runs in the background. */
    HostProcess launch(HostLaunch launch);

    /** Removes what the job left behind (containers, networks), whether it succeeded or not; never throws. */
    default void afterHosts(JobName job) {
    }
}
