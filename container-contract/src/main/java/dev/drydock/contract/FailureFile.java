package dev.drydock.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.io.InputStreamReader;
import java.util.regex.Pattern;

/**
 * {@code /opt/ml/output/failure}: a failed job's FailureReason. SageMaker shows the file's first
 * {@value #MAX_REASON} characters; drydock's rule is stricter so that a reason reads as one: the reason is the
 * file's first paragraph (up to a blank line or a stack frame), on one line, its first {@value #MAX_REASON}
 * characters. The detail (a stack trace) belongs in the log, never in this file.
 */
public final class FailureFile {
    /** The most characters of the failure file SageMaker makes the FailureReason. */
    public static final int MAX_REASON = 1024;

    /** A line of a Java ({@code at ...}, {@code Caused by:}) or Python ({@code File "...", line}) stack trace. */
    private static final Pattern STACK_LINE = Pattern.compile(
            "^\\s*(at [\\w$.<>/]+\\(.*\\)|\\.\\.\\. \\d+ more|Caused by: .*|Suppressed: .*|File \".*\", line \\d+.*)$");
    /** Enough of the file to find a bounded first paragraph; a trainer may dump megabytes there. */
    private static final int READ_LIMIT = 16 * MAX_REASON;

    private FailureFile() {
    }

    /**
     * @param error what went wrong
     * @return the reason to show: the message of a {@link TrainingException}; otherwise {@code internal error:}
     *     with the error's type and message, and where the detail is
     */
    public static String reasonOf(Throwable error) {
        if (error instanceof TrainingException && error.getMessage() != null && !error.getMessage().isBlank()) {
            return error.getMessage();
        }
        String message = error.getMessage() == null || error.getMessage().isBlank() ? "" : ": " + error.getMessage();
        return "internal error: " + error.getClass().getName() + message + " (the stack trace is in the job's log)";
    }

    /**
     * Writes the reason alone (bounded as {@link #reason(String)} says), creating the folder. An I/O error is
     * printed to stderr, not thrown: the program is already failing and its exit code still says so.
     *
     * @param file the failure file
     * @param reason what is wrong and how to fix it
     */
    public static void write(Path file, String reason) {
        String text = reason(reason);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("cannot write the failure file " + file + ": " + e);
        }
    }

    /**
     * Writes {@link #reasonOf(Throwable)} of {@code error}; the caller prints the stack trace to the log.
     *
     * @param file the failure file
     * @param error what went wrong
     */
    public static void write(Path file, Throwable error) {
        write(file, reasonOf(error));
    }

    /**
     * @param file a failure file, or a path where there is none
     * @return its {@linkplain #reason(String) reason}; empty when the file is absent, unreadable or blank
     */
    public static Optional<String> readReason(Path file) {
        char[] buffer = new char[READ_LIMIT];
        int filled = 0;
        // Malformed bytes are replaced, not fatal: a reason with one odd character beats no reason.
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            int n;
            while (filled < READ_LIMIT && (n = reader.read(buffer, filled, READ_LIMIT - filled)) > 0) {
                filled += n;
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        String reason = reason(new String(buffer, 0, filled));
        return reason.isEmpty() ? Optional.empty() : Optional.of(reason);
    }

    /**
     * The reason in {@code text}: its first paragraph (lines up to the first blank line or stack frame), joined
     * into one line, its first {@value #MAX_REASON} characters.
     *
     * @param text a failure file's text or a reason
     * @return the reason, possibly empty
     */
    public static String reason(String text) {
        StringBuilder paragraph = new StringBuilder();
        for (String line : text.split("\\R", -1)) {
            if (line.isBlank()) {
                if (paragraph.length() > 0) {
                    break;
                }
                continue;
            }
            if (STACK_LINE.matcher(line).matches()) {
                break;
            }
            if (paragraph.length() > 0) {
                paragraph.append(' ');
            }
            paragraph.append(line.strip());
            if (paragraph.length() > MAX_REASON) {
                break;
            }
        }
        // Cut as SageMaker cuts (its FailureReason is the first 1024 characters), so that both backends agree.
        String reason = paragraph.toString();
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }
}
