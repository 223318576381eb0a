package dev.drydock.trainer.preprocess;

import java.util.List;

/**
 * A nominal column as one 0/1 feature per level kept. "NA" is a level of its own (in the house data it means
 * "none", not "unknown"); a level not kept writes all zeros.
 *
 * @param column the raw column
 * @param levels the levels kept, most frequent first
 */
public record OneHotFeature(String column, List<String> levels) implements FeatureEncoder {
    /** The level that stands for a missing value. */
    public static final String MISSING_LEVEL = "NA";

    /** Copies the levels. */
    public OneHotFeature {
        levels = List.copyOf(levels);
    }

    @Override
    public List<String> featureNames() {
        return levels.stream().map(level -> column + "=" + level).toList();
    }

    @Override
    public void encode(String raw, float[] out, int offset) {
        String level = MissingValues.isMissing(raw) ? MISSING_LEVEL : raw.trim();
        // A linear search: levels are few (capped when fitted) and a record cannot hide a lookup map.
        int position = levels.indexOf(level);
        for (int i = 0; i < levels.size(); i++) {
            out[offset + i] = i == position ? 1f : 0f;
        }
    }
}
