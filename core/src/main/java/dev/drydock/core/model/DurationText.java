package dev.drydock.core.model;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them: {@code 90s}, {@code 10m}, {@code 2h}, {@code 1h30m}, {@code 500ms}, {@code 1d}, or
 * ISO-8601 ({@code PT10M}). One parser for every option and setting, so that {@code --timeout 10m} and
 * {@code grace-period=2m} mean the same.
 */
public final class DurationText {
    /** What the parser accepts, for error messages. */
    public static final String FORMS = "a positive duration such as 90s, 10m, 2h, 1h30m or ISO-8601 PT10M";

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|d|h|m|s)");
    private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|d|h|m|s))+");

    private DurationText() {
    }

    /**
     * The duration {@code text} says, which must be positive.
     *
     * @throws IllegalArgumentException saying what was wrong and {@link #FORMS}
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty: give " + FORMS);
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        Duration d;
        if (t.startsWith("p") || t.startsWith("-p")) {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("is not a duration: give " + FORMS);
            }
        } else if (WHOLE.matcher(t).matches()) {
            d = Duration.ZERO;
            Matcher m = PART.matcher(t);
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                d = d.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            }
        } else if (t.matches("-?\\d+")) {
            throw new IllegalArgumentException("has no unit: give " + FORMS);
        } else {
            throw new IllegalArgumentException("is not a duration: give " + FORMS);
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("must be positive: give " + FORMS);
        }
        return d;
    }

    /** {@code d} the way {@link #parse} reads it back: {@code 1h30m}, {@code 90s} becomes {@code 1m30s}. */
    public static String format(Duration d) {
        if (d.toMillisPart() != 0 || d.isZero()) {
            return d.toMillis() + "ms";
        }
        StringBuilder s = new StringBuilder();
        long days = d.toDaysPart();
        if (days > 0) {
            s.append(days).append('d');
        }
        if (d.toHoursPart() > 0) {
            s.append(d.toHoursPart()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            s.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0) {
            s.append(d.toSecondsPart()).append('s');
        }
        return s.toString();
    }
}
