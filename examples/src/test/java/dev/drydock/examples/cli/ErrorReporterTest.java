package dev.drydock.examples.cli;

import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.ErrorCode;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** What the CLI prints for an error: one line, and the --verbose hint only where a trace would tell more. */
class ErrorReporterTest {

    @Test
    void drydocksOwnErrorWithExitOne_printsOneLineWithoutTheVerboseHint() {
        String err = run(new DrydockException(ErrorCode.IO, "the disk under /tmp/h is full: free some space"));

        assertThat(err.lines()).containsExactly("drydock: the disk under /tmp/h is full: free some space");
    }

    @Test
    void drydocksOwnErrorWrappedInAnother_printsItsLineWithoutTheHint() {
        String err = run(new IllegalStateException("wrapper",
                new DrydockException(ErrorCode.BACKEND_UNAVAILABLE, "no Docker daemon answers at unix:///x")));

        assertThat(err.lines()).containsExactly("drydock: no Docker daemon answers at unix:///x");
    }

    @Test
    void anErrorDrydockDidNotForesee_offersTheStackTrace() {
        String err = run(new UncheckedIOException(new java.io.IOException("Broken pipe")));

        assertThat(err.lines()).containsExactly("drydock: file error: Broken pipe: check the path and its permissions",
                "(run again with --verbose for the stack trace)");
    }

    @Test
    void anInternalError_offersTheStackTrace() {
        String err = run(new DrydockException(ErrorCode.INTERNAL, "internal error: index 3 out of bounds"));

        assertThat(err).contains("--verbose");
    }

    private static String run(RuntimeException failure) {
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Failing(failure));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setExecutionExceptionHandler(new ErrorReporter());
        int code = cmd.execute();
        assertThat(code).isEqualTo(ErrorReporter.exitCode(failure));
        return err.toString();
    }

    @Command(name = "failing")
    static final class Failing implements Callable<Integer> {
        private final RuntimeException failure;

        Failing(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() {
            throw failure;
        }
    }
}
