package dev.drydock.local.job;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory sizes as the local backend's settings take them: a byte count, or a size string in Docker's form
 * ({@code 512m}, {@code 2g}; units {@code b k m g}, optionally followed by {@code b} or {@code ib}, powers of 1024),
 * and the readable form the failure reasons show ({@code 256 MiB}).
 */
public final class MemorySize {
    /** Docker refuses a container memory limit below 6 MiB. */
    public static final long MIN_LIMIT = 6L * 1024 * 1024;

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([bkmgt]?)(?:i?b)?");

    private MemorySize() {
    }

    /**
     * The bytes of a memory limit given as {@code value} for the setting {@code field}.
     *
     * @throws IllegalArgumentException naming the field, the value and the rule when it is not a size or is below
     *                                  {@link #MIN_LIMIT}
     */
    public static long parseLimit(String field, String value) {
        return checkLimit(field, parse(field, value), "\"" + value + "\"");
    }

    /**
     * The bytes of the size {@code value} given for the setting {@code field}, with no bound but a long's.
     *
     * @throws IllegalArgumentException naming the field, the value and the rule when it is not a size
     */
    public static long parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be a size such as 512m or 2g, got " + (value == null ? "null" : "\"" + value + "\""));
        }
        Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(field + " must be a byte count or a size such as 512m or 2g (units b, k, m, g, t"
                    + " in powers of 1024), got \"" + value + "\"");
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        long number;
        try {
            number = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            number = Long.MAX_VALUE;
        }
        long bytes = number > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : number << shift;
        if (bytes == Long.MAX_VALUE) {
            throw new IllegalArgumentException(field + " must fit in a long of bytes, got \"" + value + "\"");
        }
        return bytes;
    }

    /**
     * {@code bytes} when it is a valid memory limit for the setting {@code field}.
     *
     * @throws IllegalArgumentException naming the field, the value and the rule when below {@link #MIN_LIMIT}
     */
    public static long checkLimit(String field, long bytes) {
        return checkLimit(field, bytes, bytes + " bytes");
    }

    private static long checkLimit(String field, long bytes, String shown) {
        if (bytes < MIN_LIMIT) {
            throw new IllegalArgumentException(field + " must be at least 6 MiB (6291456 bytes, Docker's minimum), got " + shown
                    + "; leave it unset for no limit");
        }
        return bytes;
    }

    /** {@code bytes} for people: {@code 256 MiB}, {@code 2 GiB}, {@code 1.5 GiB}, or bytes when not a whole KiB. */
    public static String format(long bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        if (bytes < 1024 || bytes % 1024 != 0) {
            return bytes + " bytes";
        }
        double value = bytes;
        int unit = -1;
        while (unit < units.length - 1 && value >= 1024) {
            value /= 1024;
            unit++;
        }
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value))
                + " " + units[unit];
    }
}
