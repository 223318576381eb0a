package dev.drydock.examples.cli;

import dev.drydock.core.Drydock;
import dev.drydock.core.model.JobSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code drydock jobs}: the most recent jobs. */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "List the most recent training jobs.")
final class JobsCommand extends BackendCommand implements Callable<Integer> {
    @Option(names = "--max", paramLabel = "N", defaultValue = "20", description = "How many (default: ${DEFAULT-VALUE}).")
    int max;


    @Override
    public Integer call() {
        if (max < 1) {
            throw dev.drydock.core.error.InvalidInputException.of("--max", String.valueOf(max),
                    "must be at least 1: how many of the most recent jobs to list");
        }
        try (Drydock drydock = backend.open()) {
            for (JobSummary s : drydock.list(max)) {
                if (s.problemIfAny().isPresent()) {
                    System.out.printf("%-63s  %-10s  %s%n", s.name(), "unreadable", s.problem());
                } else {
                    System.out.printf("%-63s  %-10s  %s%n", s.name(), s.state().wireName(), s.created());
                }
            }
        }
        return 0;
    }
}
