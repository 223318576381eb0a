/** Loads a trained {@code model.tar.gz} (or its folder) and predicts CSV rows, e.g. a Kaggle submission. */
package dev.drydock.trainer.predict;
