package dev.drydock.trainer.preprocess;

import java.util.Set;

/** Which raw strings mean "no value". */
final class MissingValues {
    private static final Set<String> MISSING = Set.of("", "NA", "N/A", "NaN", "nan", "null", "NULL");

    private MissingValues() {
    }

    static boolean isMissing(String raw) {
        return raw == null || MISSING.contains(raw.trim());
    }

    /** @return the parsed number, or NaN when missing or not a number */
    static double parseOrNaN(String raw) {
        if (isMissing(raw)) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
