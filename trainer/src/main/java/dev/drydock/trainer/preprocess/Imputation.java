package dev.drydock.trainer.preprocess;

import java.util.Locale;

/** How a missing numeric value is filled. */
public enum Imputation {
    /** Left missing: XGBoost learns, per split, the best side for missing values. Best for trees. */
    NATIVE,
    /** The training median. */
    MEDIAN,
    /** Zero, which is what the reference's constant imputer does. */
    ZERO;

    /**
     * @param name {@code native}, {@code median} or {@code zero}, any case
     * @return the imputation
     * @throws IllegalArgumentException for other names
     */
    public static Imputation parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
