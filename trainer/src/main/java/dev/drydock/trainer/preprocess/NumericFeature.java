package dev.drydock.trainer.preprocess;

import java.util.List;

/**
 * A numeric column; a missing value becomes {@code fill} (NaN lets XGBoost route it itself).
 *
 * @param column the raw column
 * @param fill the value of a missing entry
 */
public record NumericFeature(String column, float fill) implements FeatureEncoder {
    @Override
    public List<String> featureNames() {
        return List.of(column);
    }

    @Override
    public void encode(String raw, float[] out, int offset) {
        double v = MissingValues.parseOrNaN(raw);
        out[offset] = Double.isNaN(v) ? fill : (float) v;
    }
}
