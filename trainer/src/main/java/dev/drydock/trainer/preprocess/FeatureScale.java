package dev.drydock.trainer.preprocess;

/**
 * How one feature is put on the linear model's scale: {@code (f(x) - center) / scale}, where {@code f} is
 * {@code log1p} for a skewed non-negative feature and the identity otherwise; a missing value becomes 0 (the
 * training mean), since a linear model cannot route it as a tree does.
 *
 * @param feature the feature's name
 * @param log1p whether {@code log(1 + x)} is taken first
 * @param center the training mean (after the log)
 * @param scale the training standard deviation (after the log); 1 for a constant feature
 */
public record FeatureScale(String feature, boolean log1p, double center, double scale) {
    /** @param x a tree feature value (NaN for missing) @return its linear feature value */
    float apply(float x) {
        if (Float.isNaN(x)) {
            return 0f;
        }
        // A value below the training minimum of 0 is clamped to it: log1p is only defined above -1.
        double v = log1p ? Math.log1p(Math.max(0, x)) : x;
        return (float) ((v - center) / scale);
    }
}
