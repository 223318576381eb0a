package dev.drydock.examples.cli;

import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.ErrorCode;
import dev.drydock.core.error.ImageNotFoundException;
import dev.drydock.trainer.predict.PredictionException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;

/**
 * Turns an exception into one clear line with the fix (drydock's messages carry it), and the stack trace only
 * with {@code --verbose}. The exit code tells scripts what kind of failure it was.
 */
public final class ErrorReporter implements IExecutionExceptionHandler {
    /** The job ran and failed, or was stopped. */
    public static final int EXIT_JOB_FAILED = 3;
    /** Bad input or configuration: fix and run again. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Anything else. */
    public static final int EXIT_ERROR = 1;
    private static final String TRAINER_IMAGE = "drydock/trainer";

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        int code = exitCode(e);
        err.println("drydock: " + oneLine(e));
        if (isVerbose(parsed)) {
            e.printStackTrace(err);
        } else if (isUnexpected(e)) {
            // drydock's own errors (bad input, a failed job, a full disk, no daemon) say all there is in the line above;
            // only an error drydock did not foresee has a trace worth asking for.
            err.println("(run again with --verbose for the stack trace)");
        }
        err.flush();
        return code;
    }

    /** The message a user reads for {@code e}. */
    static String oneLine(Throwable e) {
        Throwable root = e;
        if (e instanceof ImageNotFoundException missing && missing.image().startsWith(TRAINER_IMAGE)) {
            return e.getMessage() + "; drydock's own trainer image is built by trainer/docker/build-image.sh"
                    + " (it makes its Java base image offline), or drop --docker to run the trainer as a child process";
        }
        if (e instanceof DrydockException) {
            return e.getMessage();
        }
        while (root.getCause() != null && root.getCause() != root) {
            if (root.getCause() instanceof DrydockException de) {
                return de.getMessage();
            }
            root = root.getCause();
        }
        if (root instanceof BindException) {
            return "a port drydock needs is taken (" + root.getMessage() + "): stop the program that holds it, or choose another port";
        }
        if (e instanceof UncheckedIOException io) {
            return "file error: " + io.getCause().getMessage() + ": check the path and its permissions";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message;
    }

    /** The process exit code for {@code e}. */
    static int exitCode(Throwable e) {
        if (e instanceof DrydockException de) {
            ErrorCode code = de.code();
            if (code == ErrorCode.JOB_FAILED || code == ErrorCode.JOB_STOPPED) {
                return EXIT_JOB_FAILED;
            }
            if (code == ErrorCode.INVALID_INPUT || code == ErrorCode.CONFIGURATION || code == ErrorCode.NOT_FOUND
                    || code == ErrorCode.ALREADY_EXISTS) {
                return EXIT_BAD_INPUT;
            }
        }
        if (e instanceof PredictionException pe && pe.isBadInput()) {
            return EXIT_BAD_INPUT;
        }
        return EXIT_ERROR;
    }

    /** An error drydock has no message of its own for: a bug, or a fault it did not foresee. */
    static boolean isUnexpected(Throwable e) {
        if (e instanceof PredictionException) {
            return false;
        }
        DrydockException own = drydockCause(e);
        return own == null || own.code() == ErrorCode.INTERNAL;
    }

    private static DrydockException drydockCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DrydockException de) {
                return de;
            }
        }
        return null;
    }

    private static boolean isVerbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
