package dev.drydock.examples.progress;

import java.util.Locale;

/** Draws {@code [#####.....] 12/40} style bars as text. */
public final class ProgressBar {
    private ProgressBar() {
    }

    /**
     * A bar of {@code cells} characters filled to {@code done/total}.
     *
     * @throws IllegalArgumentException when {@code cells} is below 1
     */
    public static String render(long done, long total, int cells) {
        if (cells < 1) {
            throw new IllegalArgumentException("a bar needs at least one cell, got " + cells);
        }
        double fraction = total <= 0 ? 0 : Math.min(1.0, Math.max(0.0, (double) done / total));
        int filled = (int) Math.round(fraction * cells);
        return "[" + "#".repeat(filled) + ".".repeat(cells - filled) + "]";
    }

    /** {@code 75s} as {@code 1m15s}; under a minute as seconds; over an hour as {@code 1h02m}. */
    public static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
