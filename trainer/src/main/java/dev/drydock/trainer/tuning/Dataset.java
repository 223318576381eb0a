package dev.drydock.trainer.tuning;

import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Dense features (row-major, NaN for missing) with labels, as the preprocessing produces them.
 *
 * @param features {@code rows x columns} values, row-major
 * @param labels one label per row
 * @param columns the number of features per row
 */
public record Dataset(float[] features, float[] labels, int columns) {
    /** Checks the shapes. */
    public Dataset {
        if (columns <= 0 || features.length != (long) labels.length * columns) {
            throw new IllegalArgumentException("features hold " + features.length + " values, expected "
                    + labels.length + " rows x " + columns + " columns");
        }
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
        for (int i = 0; i < rowIndices.length; i++) {
            System.arraycopy(features, rowIndices[i] * columns, x, i * columns, columns);
            y[i] = labels[rowIndices[i]];
        }
        return new Dataset(x, y, columns);
    }

    /**
     * @return a new XGBoost matrix of these rows; the caller disposes it
     * @throws XGBoostError when XGBoost rejects the data
     */
    public DMatrix toDMatrix() throws XGBoostError {
        DMatrix matrix = new DMatrix(features, rows(), columns, Float.NaN);
        matrix.setLabel(labels);
        return matrix;
    }
}
