package dev.drydock.examples.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Reports a command line that does not parse (an unknown option, a value its converter refuses) the way
 * {@link ErrorReporter} reports every other bad input: one {@code drydock: } line that says what is wrong and how to
 * fix it, and exit code {@value ErrorReporter#EXIT_BAD_INPUT}, instead of picocli's message followed by the whole
 * usage text, which buries the one line that matters.
 */
final class UsageErrorReporter implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message = e.getMessage().replaceFirst("^Invalid value for option '([^']+)': ", "$1 ");
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("drydock: " + message + " (" + cmd.getCommandSpec().qualifiedName() + " --help lists the options)");
        err.flush();
        return ErrorReporter.EXIT_BAD_INPUT;
    }
}
