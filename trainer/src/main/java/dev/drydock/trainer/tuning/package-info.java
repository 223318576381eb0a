/**
 * Hyperparameter search over XGBoost4J with k-fold cross-validation: exhaustive grid, random sampling, and
 * successive halving with early stopping (the fast default). Each worker thread reuses its own fold matrices
 * across configurations; one fit of the largest {@code n_estimators} scores every smaller value of it.
 */
package dev.drydock.trainer.tuning;
