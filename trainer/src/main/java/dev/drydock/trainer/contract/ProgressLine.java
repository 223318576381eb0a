package dev.drydock.trainer.contract;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The progress line printed after each tuning trial. Its format is stable; progress bars parse it:
 *
 * <pre>progress trial=K/N best_cv_rmsle=X elapsed_s=E eta_s=R</pre>
 *
 * <p>K trials of N are done, X is the best cross-validated RMSLE so far (6 decimals), E the seconds since tuning
 * began and R the estimated seconds left (1 decimal each). {@link #PATTERN} matches a whole line and captures K, N,
 * X, E and R as groups 1 to 5.
 *
 * @param trial trials done (K)
 * @param trials trials planned (N)
 * @param bestCvRmsle the best cross-validated RMSLE so far (X)
 * @param elapsedSeconds seconds since tuning began (E)
 * @param etaSeconds estimated seconds left (R)
 */
public record ProgressLine(int trial, int trials, double bestCvRmsle, double elapsedSeconds, double etaSeconds) {
    /** Matches a whole progress line; groups: 1 trial, 2 trials, 3 best_cv_rmsle, 4 elapsed_s, 5 eta_s. */
    public static final Pattern PATTERN = Pattern.compile(
            "^progress trial=(\\d+)/(\\d+) best_cv_rmsle=([0-9.]+|NaN) elapsed_s=([0-9.]+) eta_s=([0-9.]+)$");

    /** @return the line, without a line break */
    public String format() {
        return String.format(Locale.ROOT, "progress trial=%d/%d best_cv_rmsle=%.6f elapsed_s=%.1f eta_s=%.1f",
                trial, trials, bestCvRmsle, elapsedSeconds, Math.max(0, etaSeconds));
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
        return Optional.of(new ProgressLine(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5))));
    }

    @Override
    public String toString() {
        return format();
    }
}
