package dev.drydock.trainer.preprocess;

import java.util.ArrayList;
import java.util.List;

/**
 * A nominal column as one 0/1 feature per level kept. "NA" is a level of its own (in the house data it means
 * "none", not "unknown"). With {@code rare}, every level not kept (seen on too few training rows, beyond
 * {@code maxLevels}, or never seen) shares one more feature, {@value #RARE_LEVEL}; without it such a level writes
 * all zeros.
 *
 * @param column the raw column
 * @param levels the levels kept, most frequent first
 * @param rare whether the levels not kept share a feature of their own
 */
public record OneHotFeature(String column, List<String> levels, boolean rare) implements FeatureEncoder {
    /** The level that stands for a missing value. */
    public static final String MISSING_LEVEL = "NA";
    /** The level of the merged rare levels; parentheses keep it from clashing with a level of the data. */
    public static final String RARE_LEVEL = "(rare)";

    /** Copies the levels. */
    public OneHotFeature {
        levels = List.copyOf(levels);
    }

    /**
     * @param column the raw column
     * @param levels the levels kept; any other writes all zeros
     */
    public OneHotFeature(String column, List<String> levels) {
        this(column, levels, false);
    }

    @Override
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        levels.forEach(level -> names.add(column + "=" + level));
        if (rare) {
            names.add(column + "=" + RARE_LEVEL);
        }
        return names;
    }

    @Override
    public void encode(String raw, float[] out, int offset) {
        String level = MissingValues.isMissing(raw) ? MISSING_LEVEL : raw.trim();
        // A linear search: levels are few (capped when fitted) and a record cannot hide a lookup map.
        int position = levels.indexOf(level);
        for (int i = 0; i < levels.size(); i++) {
            out[offset + i] = i == position ? 1f : 0f;
        }
        if (rare) {
            out[offset + levels.size()] = position < 0 ? 1f : 0f;
        }
    }
}
