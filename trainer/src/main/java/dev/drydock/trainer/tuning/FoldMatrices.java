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

    FoldMatrices(Dataset data, Folds folds) throws XGBoostError {
        training = new DMatrix[folds.count()];
        validation = new DMatrix[folds.count()];
        for (int f = 0; f < folds.count(); f++) {
            training[f] = data.select(folds.training(f)).toDMatrix();
            validation[f] = data.select(folds.validation(f)).toDMatrix();
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
