package dev.drydock.contract;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The progress line a trainer prints after each unit of work (a tuning trial, an epoch); progress bars parse it:
 *
 * <pre>progress trial=K/N best_METRIC=X elapsed_s=E eta_s=R</pre>
 *
 * <p>K units of N are done, X is the best value of the objective metric so far (6 decimals, {@code NaN} before the
 * first), E the seconds since the work began and R the estimated seconds left (1 decimal each). The {@code best_}
 * prefix keeps {@link MetricLine#regexFor} (anchored at the line's start) from taking X for a value of the metric.
 * {@link #PATTERN} matches a whole line and captures K, N, METRIC, X, E and R as groups 1 to 6.
 *
 * @param trial units done (K)
 * @param trials units planned (N)
 * @param metric the objective metric's name
 * @param best its best value so far (X)
 * @param elapsedSeconds seconds since the work began (E)
 * @param etaSeconds estimated seconds left (R)
 */
public record ProgressLine(int trial, int trials, String metric, double best, double elapsedSeconds,
        double etaSeconds) {
    /** Matches a whole progress line; groups: 1 trial, 2 trials, 3 metric, 4 best, 5 elapsed_s, 6 eta_s. */
    public static final Pattern PATTERN = Pattern.compile("^progress trial=(\\d+)/(\\d+) best_("
            + MetricLine.NAME_RULE + ")=([0-9.]+|NaN) elapsed_s=([0-9.]+) eta_s=([0-9.]+)$");

    /** Validates the metric name. */
    public ProgressLine {
        new MetricLine(metric, 0);
    }

    /** @return the line, without a line break */
    public String format() {
        return String.format(Locale.ROOT, "progress trial=%d/%d best_%s=%.6f elapsed_s=%.1f eta_s=%.1f",
                trial, trials, metric, best, elapsedSeconds, Math.max(0, etaSeconds));
    }

    /**
     * @param line a log line
     * @return the progress it reports, if it is a progress line
     */
    public static Optional<ProgressLine> parse(String line) {
        Matcher m = PATTERN.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ProgressLine(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3),
                Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6))));
    }

    @Override
    public String toString() {
        return format();
    }
}
