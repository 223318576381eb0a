package dev.drydock.trainer.preprocess;

import java.util.ArrayList;
import java.util.List;

/**
 * The linear model's view of the features, fitted on the training rows: skewed numeric features log-transformed,
 * every feature standardised, missing values at the mean. The trees see the features unchanged.
 *
 * @param scales one per feature, in feature order
 */
public record LinearScaling(List<FeatureScale> scales) {
    /** Copies. */
    public LinearScaling {
        scales = List.copyOf(scales);
    }

    /**
     * @param features the tree features of the training rows, row-major
     * @param names the feature names
     * @param numeric per feature, whether it is a numeric measurement (a log may suit it) rather than a code
     * @param skewThreshold the skewness above which a non-negative numeric feature is log-transformed
     * @return the fitted scaling
     */
    static LinearScaling fit(float[] features, List<String> names, boolean[] numeric, double skewThreshold) {
        int width = names.size();
        int rows = features.length / width;
        List<FeatureScale> scales = new ArrayList<>(width);
        double[] values = new double[rows];
        for (int c = 0; c < width; c++) {
            int n = 0;
            double min = Double.POSITIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                float x = features[r * width + c];
                if (!Float.isNaN(x)) {
                    values[n++] = x;
                    min = Math.min(min, x);
                }
            }
            boolean log = numeric[c] && n > 2 && min >= 0 && skewness(values, n) > skewThreshold;
            if (log) {
                for (int i = 0; i < n; i++) {
                    values[i] = Math.log1p(values[i]);
                }
            }
            double mean = mean(values, n);
            double sd = Math.sqrt(centralMoment(values, n, mean, 2));
            scales.add(new FeatureScale(names.get(c), log, mean, sd > 1e-12 ? sd : 1));
        }
        return new LinearScaling(scales);
    }

    /**
     * @param features tree features, row-major, as {@link Preprocessor#features} writes them
     * @return the linear model's features, same shape, no NaN
     */
    public float[] apply(float[] features) {
        int width = scales.size();
        float[] out = new float[features.length];
        for (int i = 0; i < features.length; i++) {
            out[i] = scales.get(i % width).apply(features[i]);
        }
        return out;
    }

    /** The sample skewness m3 / m2^1.5 (0 for a constant column). */
    static double skewness(double[] values, int n) {
        double mean = mean(values, n);
        double m2 = centralMoment(values, n, mean, 2);
        return m2 <= 0 ? 0 : centralMoment(values, n, mean, 3) / Math.pow(m2, 1.5);
    }

    private static double mean(double[] values, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        return n == 0 ? 0 : sum / n;
    }

    private static double centralMoment(double[] values, int n, double mean, int power) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.pow(values[i] - mean, power);
        }
        return n == 0 ? 0 : sum / n;
    }
}
