package dev.drydock.examples.cli;

import dev.drydock.core.Drydock;
import dev.drydock.core.model.JobName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code drydock stop JOB}: ask a running job to stop (SIGTERM, then SIGKILL after the grace period). */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a running training job.")
final class StopCommand implements Callable<Integer> {
    @Mixin
    BackendOptions backend;

    @Parameters(paramLabel = "JOB", description = "The job's name.")
    String job;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() {
        try (Drydock drydock = DrydockFactory.create(backend)) {
            drydock.backend().stop(JobName.of(job));
            System.out.println("stop requested for " + job + "; `drydock describe " + job + "` shows when it has stopped");
        }
        return 0;
    }
}
