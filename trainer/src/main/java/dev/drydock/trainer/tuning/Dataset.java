package dev.drydock.trainer.tuning;

import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Dense features (row-major, NaN for missing) with labels, as the preprocessing produces them.
 *
 * @param features {@code rows x columns} values, row-major
 * @param labels one label per row
 * @param columns the number of features per row
 * @param weights one weight per row (class weights of a fit's training rows), or {@code null}: every row weighs 1
 */
public record Dataset(float[] features, float[] labels, int columns, float[] weights) {
    /** Checks the shapes. */
    public Dataset {
        if (columns <= 0 || features.length != (long) labels.length * columns) {
            throw new IllegalArgumentException("features hold " + features.length + " values, expected "
                    + labels.length + " rows x " + columns + " columns");
        }
        if (weights != null && weights.length != labels.length) {
            throw new IllegalArgumentException(weights.length + " weights for " + labels.length + " rows");
        }
    }

    /**
     * Rows that weigh 1 each.
     *
     * @see Dataset the record's parameters
     */
    public Dataset(float[] features, float[] labels, int columns) {
        this(features, labels, columns, null);
    }

    /**
     * @param rowWeights one weight per row, or {@code null}
     * @return these rows with those weights
     */
    public Dataset withWeights(float[] rowWeights) {
        return new Dataset(features, labels, columns, rowWeights);
    }

    /** @return the number of rows */
    public int rows() {
        return labels.length;
    }

    /**
     * @param rowIndices rows to keep
     * @return those rows
     */
    public Dataset select(int[] rowIndices) {
        float[] x = new float[rowIndices.length * columns];
        float[] y = new float[rowIndices.length];
        float[] w = weights == null ? null : new float[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) {
            System.arraycopy(features, rowIndices[i] * columns, x, i * columns, columns);
            y[i] = labels[rowIndices[i]];
            if (w != null) {
                w[i] = weights[rowIndices[i]];
            }
        }
        return new Dataset(x, y, columns, w);
    }

    /**
     * @return a new XGBoost matrix of these rows; the caller disposes it
     * @throws XGBoostError when XGBoost rejects the data
     */
    public DMatrix toDMatrix() throws XGBoostError {
        DMatrix matrix = new DMatrix(features, rows(), columns, Float.NaN);
        matrix.setLabel(labels);
        if (weights != null) {
            matrix.setWeight(weights);
        }
        return matrix;
    }
}
