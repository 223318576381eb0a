package dev.drydock.examples.cli;

import dev.drydock.core.model.JobName;
import picocli.CommandLine.Parameters;

/** A command about one existing job, named on the command line. */
abstract class JobCommand extends BackendCommand {
    @Parameters(paramLabel = "JOB", description = "The job's name.")
    String job;

    /** The job's name, validated. */
    JobName jobName() {
        return JobName.of(job);
    }
}
