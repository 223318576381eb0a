package dev.drydock.trainer.objective;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The XGBoost objective the trainer fits, chosen by the hyperparameter {@code objective}. */
public enum Objective {
    /** Least squares; with {@code log_target} (the default) on log(target), which makes it RMSLE. */
    SQUARED_ERROR("reg:squarederror", Kind.REGRESSION, List.of(EvalMetric.RMSLE, EvalMetric.RMSE, EvalMetric.MAE)),
    /** Least absolute deviations: predicts the conditional median. */
    ABSOLUTE_ERROR("reg:absoluteerror", Kind.REGRESSION, List.of(EvalMetric.MAE, EvalMetric.RMSE, EvalMetric.RMSLE)),
    /** Tweedie regression (log link) for non-negative targets with many zeros: prices, claims, counts. */
    TWEEDIE("reg:tweedie", Kind.REGRESSION, List.of(EvalMetric.TWEEDIE_NLOGLIK, EvalMetric.RMSE, EvalMetric.MAE,
            EvalMetric.RMSLE)),
    /** Two classes: the probability of the second level (in {@link ClassLevels}' order). */
    BINARY_LOGISTIC("binary:logistic", Kind.BINARY, List.of(EvalMetric.LOGLOSS, EvalMetric.AUC, EvalMetric.ACCURACY,
            EvalMetric.F1)),
    /** Three or more classes: one probability per class. */
    MULTI_SOFTPROB("multi:softprob", Kind.MULTICLASS, List.of(EvalMetric.MLOGLOSS, EvalMetric.ACCURACY));

    /** What kind of target an objective learns. */
    public enum Kind {
        /** A number. */
        REGRESSION,
        /** One of two levels. */
        BINARY,
        /** One of three or more levels. */
        MULTICLASS
    }

    private final String nativeName;
    private final Kind kind;
    private final List<EvalMetric> metrics;

    Objective(String nativeName, Kind kind, List<EvalMetric> metrics) {
        this.nativeName = nativeName;
        this.kind = kind;
        this.metrics = metrics;
    }

    /** @return XGBoost's name, as the hyperparameter takes it ({@code binary:logistic}) */
    public String nativeName() {
        return nativeName;
    }

    /** @return what kind of target it learns */
    public Kind kind() {
        return kind;
    }

    /** @return whether the target is a class (binary or multiclass) */
    public boolean isClassifier() {
        return kind != Kind.REGRESSION;
    }

    /** @return the metrics that apply, the default first (see {@link #defaultMetric}) */
    public List<EvalMetric> metrics() {
        return metrics;
    }

    /**
     * @param logTarget whether the target is learnt as log(target)
     * @return the metric used when {@code eval_metric} is not given: RMSLE for squared error on a log target (the
     *     house-prices default), RMSE on a raw one; the first of {@link #metrics()} otherwise
     */
    public EvalMetric defaultMetric(boolean logTarget) {
        if (this == SQUARED_ERROR && !logTarget) {
            return EvalMetric.RMSE;
        }
        return metrics.get(0);
    }

    /**
     * @param name XGBoost's name
     * @return the objective, if drydock's trainer has it
     */
    public static Optional<Objective> parse(String name) {
        return Arrays.stream(values()).filter(o -> o.nativeName.equals(name.trim())).findFirst();
    }

    /** @return every name, for error messages */
    public static String names() {
        return Arrays.stream(values()).map(Objective::nativeName).collect(Collectors.joining(", "));
    }
}
