package dev.drydock.trainer.preprocess;

import java.util.List;
import java.util.Map;

/**
 * A categorical column on an ordered scale (e.g. Po &lt; Fa &lt; TA &lt; Gd &lt; Ex) written as its rank, so that a
 * tree splits "at least good" in one cut. A missing value ("NA", which here means "none") ranks 0, below every
 * level; a level never seen is missing for XGBoost (NaN).
 *
 * @param column the raw column
 * @param ranks level to rank, starting at 1
 */
public record OrdinalFeature(String column, Map<String, Integer> ranks) implements FeatureEncoder {
    /** Copies the ranks, sorted by level: the saved preprocessing is the same bytes for the same data. */
    public OrdinalFeature {
        ranks = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(ranks));
    }

    @Override
    public List<String> featureNames() {
        return List.of(column);
    }

    @Override
    public void encode(String raw, float[] out, int offset) {
        if (MissingValues.isMissing(raw)) {
            out[offset] = 0f;
            return;
        }
        Integer rank = ranks.get(raw.trim());
        out[offset] = rank == null ? Float.NaN : rank;
    }
}
