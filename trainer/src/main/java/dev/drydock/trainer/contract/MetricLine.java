package dev.drydock.trainer.contract;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Formats metrics as log lines that a SageMaker metric definition can catch, one metric a line:
 * {@code NAME=VALUE}, e.g. {@code cv_rmsle=0.123456}. A metric definition regex for it is
 * {@code cv_rmsle=([0-9.eE+-]+)}; {@link #regexFor(String)} builds it.
 */
public final class MetricLine {
    private MetricLine() {
    }

    /**
     * @param name a metric name of letters, digits and underscores
     * @param value the value
     * @return the line, without a line break
     */
    public static String format(String name, double value) {
        return name + "=" + String.format(Locale.ROOT, "%.6f", value);
    }

    /**
     * @param name a metric name
     * @return a regex whose group 1 is the metric's value in a line made by {@link #format}
     */
    public static String regexFor(String name) {
        return Pattern.quote(name) + "=([0-9.eE+-]+)";
    }
}
