package dev.drydock.trainer.objective;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a metric is computed from: the true values and the model's predictions for the same rows.
 *
 * <ul>
 * <li>regression: {@code actual} and {@code predicted} in target units, one per row, {@code classes} 1;</li>
 * <li>binary classification: {@code actual} 0 or 1, {@code predicted} the probability of class 1, {@code classes}
 *     2;</li>
 * <li>multiclass: {@code actual} the class index, {@code predicted} {@code rows x classes} probabilities,
 *     row-major.</li>
 * </ul>
 *
 * @param actual one true value (or class index) per row
 * @param predicted one prediction per row, or {@code classes} per row for multiclass
 * @param weights one weight per row, or {@code null} for every row weighing 1
 * @param classes 1 for regression, the number of classes otherwise
 */
public record Predictions(double[] actual, double[] predicted, double[] weights, int classes) {
    /** Checks the shapes. */
    public Predictions {
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(predicted, "predicted");
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1, got " + classes);
        }
        int perRow = classes > 2 ? classes : 1;
        if (predicted.length != (long) actual.length * perRow) {
            throw new IllegalArgumentException(predicted.length + " predictions for " + actual.length + " rows of "
                    + perRow + " each");
        }
        if (weights != null && weights.length != actual.length) {
            throw new IllegalArgumentException(weights.length + " weights for " + actual.length + " rows");
        }
        if (actual.length == 0) {
            throw new IllegalArgumentException("a metric needs at least one row");
        }
    }

    /** Regression (or any one-prediction-per-row) values, unweighted. */
    public static Predictions regression(double[] actual, double[] predicted) {
        return new Predictions(actual, predicted, null, 1);
    }

    /** @return the number of rows */
    public int rows() {
        return actual.length;
    }

    /** @return row {@code i}'s weight (1 without weights) */
    public double weight(int i) {
        return weights == null ? 1 : weights[i];
    }

    /** @return the sum of the weights */
    public double totalWeight() {
        return weights == null ? actual.length : Arrays.stream(weights).sum();
    }

    /** @return row {@code i}'s predicted class: the most probable (binary: class 1 when its probability exceeds 0.5, as XGBoost's {@code error} counts it) */
    public int predictedClass(int i) {
        if (classes <= 2) {
            return predicted[i] > 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (predicted[i * classes + c] > predicted[i * classes + best]) {
                best = c;
            }
        }
        return best;
    }

    /** @return the probability the model gave row {@code i}'s true class */
    public double probabilityOfActual(int i) {
        int c = (int) actual[i];
        if (classes <= 2) {
            return c == 1 ? predicted[i] : 1 - predicted[i];
        }
        return predicted[i * classes + c];
    }
}
