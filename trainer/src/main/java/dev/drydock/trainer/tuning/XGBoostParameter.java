package dev.drydock.trainer.tuning;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The XGBoost parameters that can be searched, by their scikit-learn names (as in the reference), each a list
 * hyperparameter. The defaults span what matters on tabular data of a few thousand rows (24 configurations): a
 * small learning rate (0.03) with up to 3000 rounds, the round count chosen by early stopping, depth 3-5, child
 * weight 1-3, row subsampling 0.7-0.85 and column subsampling 0.3-0.5 (which regularise more than gamma here).
 * The reference's grid (810 configurations at XGBoost's default learning rate 0.3) is still available by naming
 * its lists.
 *
 * <p>{@code gamma} is in units of the squared-error loss of the raw target, as in the reference. When the model
 * learns log(target), the trainer multiplies it by var(log target) / var(target) so that it prunes as much,
 * relative to the target's spread, as it would on the raw target (otherwise a gamma of 5 in log units would stop
 * every tree at its root).
 */
public enum XGBoostParameter {
    /** Boosting rounds (trees). One fit to the largest value scores every smaller value. */
    N_ESTIMATORS("n_estimators", null, true, 1, 100_000, List.of(3000.0)),
    /** Shrinkage of each tree ({@code eta}). */
    LEARNING_RATE("learning_rate", "eta", false, Double.MIN_VALUE, 1, List.of(0.03)),
    /** Maximum tree depth. */
    MAX_DEPTH("max_depth", "max_depth", true, 0, 32, List.of(3.0, 4.0, 5.0)),
    /** Minimum hessian (rows, for squared error) in a child. */
    MIN_CHILD_WEIGHT("min_child_weight", "min_child_weight", false, 0, Double.MAX_VALUE, List.of(1.0, 3.0)),
    /** Minimum loss reduction to split, in raw-target loss units (see the class comment). */
    GAMMA("gamma", "gamma", false, 0, Double.MAX_VALUE, List.of(0.0)),
    /** Row subsample ratio per tree. */
    SUBSAMPLE("subsample", "subsample", false, Double.MIN_VALUE, 1, List.of(0.7, 0.85)),
    /** Column subsample ratio per tree. */
    COLSAMPLE_BYTREE("colsample_bytree", "colsample_bytree", false, Double.MIN_VALUE, 1, List.of(0.3, 0.5)),
    /** Column subsample ratio per level. */
    COLSAMPLE_BYLEVEL("colsample_bylevel", "colsample_bylevel", false, Double.MIN_VALUE, 1, List.of(1.0)),
    /** L2 regularization of leaf weights ({@code lambda}). */
    REG_LAMBDA("reg_lambda", "lambda", false, 0, Double.MAX_VALUE, List.of(1.0)),
    /** L1 regularization of leaf weights ({@code alpha}). */
    REG_ALPHA("reg_alpha", "alpha", false, 0, Double.MAX_VALUE, List.of(0.0));

    private final String hyperparameter;
    private final String nativeName;
    private final boolean integer;
    private final double min;
    private final double max;
    private final List<Double> defaults;

    XGBoostParameter(String hyperparameter, String nativeName, boolean integer, double min, double max,
            List<Double> defaults) {
        this.hyperparameter = hyperparameter;
        this.nativeName = nativeName;
        this.integer = integer;
        this.min = min;
        this.max = max;
        this.defaults = defaults;
    }

    /** @return the hyperparameter name, e.g. {@code max_depth} */
    public String hyperparameter() {
        return hyperparameter;
    }

    /** @return XGBoost's native parameter name; {@code null} for {@code n_estimators}, which is the round count */
    public String nativeName() {
        return nativeName;
    }

    /** @return whether values must be whole numbers */
    public boolean integer() {
        return integer;
    }

    /** @return the default list of values */
    public List<Double> defaults() {
        return defaults;
    }

    /**
     * @param value a candidate value
     * @return why it is invalid, if it is
     */
    public Optional<String> check(double value) {
        if (integer && value != Math.rint(value)) {
            return Optional.of(hyperparameter + " must be a whole number, got " + value);
        }
        if (value < min || value > max) {
            String low = min == Double.MIN_VALUE ? "> 0" : ">= " + format(min);
            String high = max == Double.MAX_VALUE ? "" : " and <= " + format(max);
            return Optional.of(hyperparameter + " must be " + low + high + ", got " + format(value) + hint(value));
        }
        return Optional.empty();
    }

    /** The fix for a value above the bound, where the bound is there to keep the trainer within memory. */
    private String hint(double value) {
        if (value <= max) {
            return "";
        }
        return switch (this) {
            case N_ESTIMATORS -> " (every round is kept per fold in memory: to boost longer, raise learning_rate"
                    + " or rely on early stopping, which picks the round count)";
            case MAX_DEPTH -> " (a tree of that depth has more leaves than rows: 3 to 10 is the useful range)";
            default -> "";
        };
    }

    /**
     * @param value a value of this parameter
     * @return it as text, without a trailing {@code .0} for whole numbers
     */
    public static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    /**
     * @param name a hyperparameter name
     * @return the parameter, if the name is one
     */
    public static Optional<XGBoostParameter> byHyperparameter(String name) {
        return Arrays.stream(values()).filter(p -> p.hyperparameter.equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }
}
