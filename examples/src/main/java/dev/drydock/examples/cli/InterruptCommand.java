package dev.drydock.examples.cli;

import dev.drydock.core.Drydock;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * {@code drydock interrupt JOB}: the spot-interruption drill on a local backend. The job's hosts get SIGTERM and the
 * grace period, as when SageMaker reclaims a spot instance, then the job restarts under the same name on its
 * checkpoints; the {@code train} command that submitted it goes on waiting and uses the resumed job's model.
 */
@Command(name = "interrupt", mixinStandardHelpOptions = true,
        description = {"Spot-interruption drill: interrupt a running spot job (train --spot --checkpoints ...) as",
                "SageMaker does when it reclaims the instance; the job restarts on its checkpoints. Local backends only."})
final class InterruptCommand extends JobCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        try (Drydock drydock = backend.open()) {
            onJob(() -> {
                drydock.interrupt(job);
                return null;
            });
            System.out.println("interrupted " + job + ": it restarts on its checkpoints; `drydock describe " + job
                    + "` shows the Interrupted transition and the billable time");
        }
        return 0;
    }
}
