package dev.drydock.trainer.contract;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code /opt/ml/output/failure}: the first line is the reason a user should read (the platform shows the
 * first 1024 characters as the job's FailureReason), then a blank line, then the detail (a stack trace).
 */
public final class FailureFile {
    private FailureFile() {
    }

    /**
     * @param error what went wrong
     * @return the one-line reason: the message of a {@link TrainingException}, else the error's type and message
     */
    public static String reasonOf(Throwable error) {
        String reason = error instanceof TrainingException ? error.getMessage()
                : "internal error: " + error.getClass().getName()
                        + (error.getMessage() == null ? "" : ": " + error.getMessage());
        return reason == null ? error.getClass().getName() : reason.replace('\n', ' ').replace('\r', ' ');
    }

    /**
     * Writes the failure file, creating its folder; an I/O error is printed, not thrown, since the program is
     * already failing.
     *
     * @param file the failure file
     * @param error what went wrong
     */
    public static void write(Path file, Throwable error) {
        StringWriter detail = new StringWriter();
        error.printStackTrace(new PrintWriter(detail));
        String text = reasonOf(error) + "\n\n" + detail;
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("cannot write the failure file " + file + ": " + e);
        }
    }
}
