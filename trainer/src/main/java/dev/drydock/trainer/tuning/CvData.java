package dev.drydock.trainer.tuning;

import java.util.List;
import java.util.Objects;

/**
 * The rows of every cross-validation fold as the model sees them: for each fold, the training rows and the
 * validation rows, each encoded by what was fitted on that fold's training rows alone (so no preprocessing step
 * sees the rows it is scored on). Folds may differ in their feature count, since each fold fits its own encoding.
 *
 * @param folds the split of the rows
 * @param training per fold, its training rows ({@link Folds#training}, in that order)
 * @param validation per fold, its validation rows ({@link Folds#validation}, in that order)
 */
public record CvData(Folds folds, List<Dataset> training, List<Dataset> validation) {
    /** Checks that every fold has both parts and that they match the split. */
    public CvData {
        Objects.requireNonNull(folds, "folds");
        training = List.copyOf(training);
        validation = List.copyOf(validation);
        if (training.size() != folds.count() || validation.size() != folds.count()) {
            throw new IllegalArgumentException("expected " + folds.count() + " folds, got " + training.size()
                    + " training and " + validation.size() + " validation parts");
        }
        for (int f = 0; f < folds.count(); f++) {
            if (training.get(f).rows() != folds.training(f).length
                    || validation.get(f).rows() != folds.validation(f).length) {
                throw new IllegalArgumentException("fold " + f + " does not match the split's row counts");
            }
            if (training.get(f).columns() != validation.get(f).columns()) {
                throw new IllegalArgumentException("fold " + f + " has " + training.get(f).columns()
                        + " training and " + validation.get(f).columns() + " validation features");
            }
        }
    }

    /**
     * Folds of one dataset encoded once for all rows: for data whose encoding holds nothing fitted (or tests).
     *
     * @param data every row
     * @param folds the split
     * @return its folds
     */
    public static CvData slice(Dataset data, Folds folds) {
        Dataset[] training = new Dataset[folds.count()];
        Dataset[] validation = new Dataset[folds.count()];
        for (int f = 0; f < folds.count(); f++) {
            training[f] = data.select(folds.training(f));
            validation[f] = data.select(folds.validation(f));
        }
        return new CvData(folds, List.of(training), List.of(validation));
    }

    /** @return the number of rows over all folds */
    public int rows() {
        int n = 0;
        for (Dataset v : validation) {
            n += v.rows();
        }
        return n;
    }

    /** @return the mean number of rows a fold trains on: the data size its round counts were chosen for */
    public double meanTrainingRows() {
        double n = 0;
        for (Dataset t : training) {
            n += t.rows();
        }
        return n / training.size();
    }
}
