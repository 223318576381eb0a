package dev.drydock.trainer.preprocess;

import java.util.Objects;

/**
 * What {@link Preprocessor#fit} needs to know.
 *
 * @param target the target column
 * @param idColumn the id column, never a feature ({@code null} or absent from the data: no id)
 * @param logTarget whether the model learns log(target), which makes its squared error the RMSLE
 * @param imputation how missing numeric values are filled
 * @param maxLevels the most one-hot levels kept per nominal column (the most frequent ones)
 * @param engineering derived columns, rare-level merging and the linear model's log transform
 */
public record PreprocessOptions(String target, String idColumn, boolean logTarget, Imputation imputation, int maxLevels,
        FeatureEngineering engineering) {
    /** Validates. */
    public PreprocessOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(imputation, "imputation");
        Objects.requireNonNull(engineering, "engineering");
        if (maxLevels < 1) {
            throw new IllegalArgumentException("maxLevels " + maxLevels + " must be at least 1");
        }
    }

    /**
     * Options without feature engineering.
     *
     * @param target the target column
     * @param idColumn the id column, or {@code null}
     * @param logTarget whether the model learns log(target)
     * @param imputation how missing numeric values are filled
     * @param maxLevels the most one-hot levels kept per nominal column
     */
    public PreprocessOptions(String target, String idColumn, boolean logTarget, Imputation imputation, int maxLevels) {
        this(target, idColumn, logTarget, imputation, maxLevels, FeatureEngineering.none());
    }

    /**
     * @param target the target column
     * @param idColumn the id column
     * @return log target, native missing values, up to 50 levels per column
     */
    public static PreprocessOptions defaults(String target, String idColumn) {
        return new PreprocessOptions(target, idColumn, true, Imputation.NATIVE, 50);
    }
}
