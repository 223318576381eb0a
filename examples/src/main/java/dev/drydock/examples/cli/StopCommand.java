package dev.drydock.examples.cli;

import dev.drydock.core.Drydock;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code drydock stop JOB}: ask a running job to stop (SIGTERM, then SIGKILL after the grace period). */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a running training job.")
final class StopCommand extends JobCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        try (Drydock drydock = DrydockFactory.create(backend)) {
            drydock.backend().stop(jobName());
            System.out.println("stop requested for " + job + "; `drydock describe " + job + "` shows when it has stopped");
        }
        return 0;
    }
}
