package dev.drydock.contract;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A metric as a log line a SageMaker metric definition catches: one metric a line, the whole line
 * {@code NAME=VALUE}, e.g. {@code cv_rmsle=0.123456}.
 *
 * <p>The regex for it ({@link #regexFor}) is anchored at the start of the line: {@code ^cv_rmsle=(...)$}. Without
 * the anchor, {@code cv_rmsle=([0-9.]+)} would also match the {@code best_cv_rmsle=} field of every progress line
 * (and {@code trial 3: cv_rmsle=...}), and SageMaker would chart each of those as a point of the metric.
 *
 * @param name the metric name: letters, digits, {@code _ . : / -}, starting with a letter
 * @param value the value, finite
 */
public record MetricLine(String name, double value) {
    /** What a metric name may be. */
    public static final String NAME_RULE = "[A-Za-z][A-Za-z0-9_.:/-]{0,254}";
    /** The value's form in a line: what {@link #format()} writes and the regex's group 1 takes. */
    public static final String VALUE_REGEX = "[-+]?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?";

    private static final Pattern NAME = Pattern.compile(NAME_RULE);
    private static final Pattern LINE = Pattern.compile("^(" + NAME_RULE + ")=(" + VALUE_REGEX + ")$");

    /** Validates the name and the value. */
    public MetricLine {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("metric name \"" + name + "\" must match " + NAME_RULE);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric " + name + " must be a finite number, got " + value
                    + ": SageMaker drops non-numeric metric values");
        }
    }

    /**
     * @param name a metric name
     * @param value its value
     * @return the line, without a line break, the value with 6 decimals
     */
    public static String format(String name, double value) {
        return new MetricLine(name, value).format();
    }

    /** @return the line, without a line break, the value with 6 decimals */
    public String format() {
        return name + "=" + String.format(Locale.ROOT, "%.6f", value);
    }

    /**
     * @param name a metric name
     * @return the metric definition regex whose group 1 is the value, matching a {@link #format} line and no
     *     other line (anchored at both ends)
     */
    public static String regexFor(String name) {
        new MetricLine(name, 0);
        return "^" + Pattern.quote(name) + "=(" + VALUE_REGEX + ")$";
    }

    /**
     * @param line a log line
     * @return the metric it reports, if it is a metric line
     */
    public static Optional<MetricLine> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        return m.matches() ? Optional.of(new MetricLine(m.group(1), Double.parseDouble(m.group(2)))) : Optional.empty();
    }

    @Override
    public String toString() {
        return format();
    }
}
