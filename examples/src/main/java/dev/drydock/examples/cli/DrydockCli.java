package dev.drydock.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code drydock} command line: train, follow, stop and use training jobs on the local backend or SageMaker.
 */
@Command(name = "drydock", mixinStandardHelpOptions = true, version = "drydock 0.1.0",
        description = "Build, run locally and launch on Amazon SageMaker the same training job.",
        subcommands = {TrainCommand.class, TuneCommand.class, DescribeCommand.class, LogsCommand.class, StopCommand.class, InterruptCommand.class,
                JobsCommand.class, PredictCommand.class, CommandLine.HelpCommand.class})
public final class DrydockCli {

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--verbose")) {
            // Before the first logger is made: simplelogger.properties keeps libraries at WARN otherwise.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        int code;
        try {
            code = run(args);
        } catch (OutOfMemoryError e) {
            // The heap is gone: no stack trace, one line with the fix (the launcher passes DRYDOCK_JAVA_OPTS to this JVM).
            System.err.println("drydock: this command ran out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MiB of heap): give it more with DRYDOCK_JAVA_OPTS=-Xmx4g ./drydock ..., or use a smaller input");
            code = ErrorReporter.EXIT_ERROR;
        }
        System.exit(code);
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int run(String... args) {
        return new CommandLine(new DrydockCli())
                .setExecutionExceptionHandler(new ErrorReporter())
                .setParameterExceptionHandler(new UsageErrorReporter())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }
}
