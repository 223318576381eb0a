package dev.drydock.examples.cli;

import dev.drydock.core.Drydock;
import dev.drydock.core.model.JobSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code drydock jobs}: the most recent jobs. */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "List the most recent training jobs.")
final class JobsCommand implements Callable<Integer> {
    @Mixin
    BackendOptions backend;

    @Option(names = "--max", paramLabel = "N", defaultValue = "20", description = "How many (default: ${DEFAULT-VALUE}).")
    int max;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() {
        try (Drydock drydock = DrydockFactory.create(backend)) {
            for (JobSummary s : drydock.jobs(max)) {
                System.out.printf("%-63s  %-10s  %s%n", s.name(), s.state().wireName(), s.created());
            }
        }
        return 0;
    }
}
