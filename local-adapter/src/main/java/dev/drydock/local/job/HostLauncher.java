package dev.drydock.local.job;

import dev.drydock.core.model.JobName;
import dev.drydock.core.model.TrainingJobSpec;

import java.nio.file.Path;
import java.time.Duration;
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

    /**
     * Ends what still runs of a job whose owning process died before the job did (a later {@code describe} or
     * {@code stop} from another process noticed): hosts started from {@code jobFolder}, found by what
     * {@link #launch} recorded there. As a stop does: SIGTERM, up to {@code grace} for the trainer to save and exit,
     * then SIGKILL; it returns once they have ended. Signals only, never writes the job folder (readers call it);
     * never throws.
     *
     * @return the hosts that were still running and were ended ({@code algo-1}), for the job's failure reason
     */
    default List<String> endLeftovers(Path jobFolder, Duration grace) {
        return List.of();
    }

    /** Removes what the job left behind (containers, networks), whether it succeeded or not; never throws. */
    default void afterHosts(JobName job) {
    }
}
