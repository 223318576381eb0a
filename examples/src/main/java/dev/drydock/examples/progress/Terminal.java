package dev.drydock.examples.progress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Where progress is drawn, and whether it can be redrawn in place. Output that is not a terminal (a file, a pipe,
 * CI) gets plain lines only, so logs stay readable.
 *
 * @param out         the stream to write to
 * @param interactive whether {@code out} is a terminal that understands carriage return and ANSI erase
 * @param width       the columns to fit a bar into
 */
public record Terminal(PrintStream out, boolean interactive, int width) {

    /** Standard output, interactive when a console is attached and {@code TERM} is not {@code dumb}. */
    public static Terminal detect() {
        String term = System.getenv().getOrDefault("TERM", "");
        boolean interactive = System.console() != null && !term.isEmpty() && !term.toLowerCase(Locale.ROOT).equals("dumb")
                && System.getenv("CI") == null;
        int width = parseWidth(System.getenv("COLUMNS"));
        return new Terminal(System.out, interactive, width);
    }

    /** Plain lines to {@code out}. */
    public static Terminal plain(PrintStream out) {
        return new Terminal(out, false, 100);
    }

    private static int parseWidth(String columns) {
        try {
            return columns == null ? 100 : Math.max(40, Integer.parseInt(columns.trim()));
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
