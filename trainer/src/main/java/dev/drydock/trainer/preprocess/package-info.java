/**
 * Preprocessing fitted on the training rows and saved with the model: type inference, numeric imputation,
 * ordinal encoding of ordered scales, one-hot encoding of the other categoricals, and the target transform.
 */
package dev.drydock.trainer.preprocess;
