package dev.drydock.examples.cli;

import dev.drydock.core.Drydock;
import dev.drydock.core.model.JobDescription;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code drydock stop JOB}: ask a running job to stop (SIGTERM, then SIGKILL after the grace period). */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a running training job.")
final class StopCommand extends JobCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        try (Drydock drydock = backend.open()) {
            if (TuningJobs.find(drydock, job).isPresent()) {
                System.out.println(drydock.stopTuning(job) ? "stop requested for tuning job " + job + " (its running trials stop)"
                        : "tuning job " + job + " has already ended; nothing to stop");
                return 0;
            }
            if (onJob(() -> drydock.stop(job))) {
                System.out.println("stop requested for " + job + "; `drydock describe " + job + "` shows when it has stopped");
            } else {
                JobDescription d = drydock.describe(job);
                System.out.println(job + " has already ended: " + d.state().wireName()
                        + d.failureReasonIfAny().map(r -> " (" + r + ")").orElse("") + "; nothing to stop");
            }
        }
        return 0;
    }
}
