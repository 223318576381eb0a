package dev.drydock.trainer.tuning;

import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The training and validation matrices of every fold, built once and reused for every configuration a worker
 * evaluates: XGBoost caches its quantile sketch in the matrix, so reuse saves that work per fit. Not shared
 * between threads, since that cache is built lazily without locking.
 */
final class FoldMatrices implements AutoCloseable {
    final DMatrix[] training;
    final DMatrix[] validation;

    FoldMatrices(CvData data) throws XGBoostError {
        int k = data.folds().count();
        training = new DMatrix[k];
        validation = new DMatrix[k];
        for (int f = 0; f < k; f++) {
            training[f] = data.training().get(f).toDMatrix();
            validation[f] = data.validation().get(f).toDMatrix();
        }
    }

    int count() {
        return training.length;
    }

    @Override
    public void close() {
        for (int f = 0; f < training.length; f++) {
            training[f].dispose();
            validation[f].dispose();
        }
    }
}
