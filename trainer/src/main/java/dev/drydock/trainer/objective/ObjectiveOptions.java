package dev.drydock.trainer.objective;

import dev.drydock.contract.Hyperparameters;
import dev.drydock.contract.TrainingException;
import java.util.Locale;
import java.util.Set;

/**
 * What to learn and how to score it, from the hyperparameters {@code objective}, {@code eval_metric},
 * {@code log_target}, {@code tweedie_variance_power}, {@code scale_pos_weight}, {@code class_weights} and
 * {@code num_class} (SageMaker's built-in XGBoost names where it has them). Every combination is checked here, before
 * any data is read, with a message that names the hyperparameter, the value and the fix.
 *
 * @param objective the XGBoost objective
 * @param metric the metric that ranks trials, stops early and is reported
 * @param logTarget whether a regression target is learnt as log(target) (default: only for squared error)
 * @param tweedieVariancePower the variance power of {@link Objective#TWEEDIE}, in (1, 2); 1.5 by default
 * @param scalePosWeight XGBoost's weight of the positive class ({@link Objective#BINARY_LOGISTIC}); 1 by default
 * @param classWeights per-row weights against class imbalance (classifiers)
 * @param numClass the number of classes the user expects (multiclass), checked against the data; 0: inferred
 */
public record ObjectiveOptions(Objective objective, EvalMetric metric, boolean logTarget, double tweedieVariancePower,
        double scalePosWeight, ClassWeights classWeights, int numClass) {
    /** Every hyperparameter name read here. */
    public static final Set<String> NAMES = Set.of("objective", "eval_metric", "log_target", "tweedie_variance_power",
            "scale_pos_weight", "class_weights", "num_class");

    /** Checks each combination. */
    public ObjectiveOptions {
        String what = "objective=" + objective.nativeName();
        if (!objective.metrics().contains(metric)) {
            throw new TrainingException("hyperparameter eval_metric=" + metric.label() + " does not apply to " + what
                    + " (" + kindWords(objective) + "); use one of " + labels(objective) + ", or an objective it"
                    + " applies to (" + objectivesFor(metric) + ")");
        }
        if (logTarget && (objective.isClassifier() || objective == Objective.TWEEDIE)) {
            throw new TrainingException("hyperparameter log_target=true does not apply to " + what + " ("
                    + (objective.isClassifier() ? "the target is a class, not a number"
                    : "Tweedie regression already models log(mean) and allows zeros") + "); remove log_target or set it"
                    + " to false");
        }
        if (tweedieVariancePower != 1.5 && objective != Objective.TWEEDIE) {
            throw new TrainingException("hyperparameter tweedie_variance_power applies only to objective=reg:tweedie,"
                    + " not " + what + "; remove it or set objective=reg:tweedie");
        }
        if (!(tweedieVariancePower > 1 && tweedieVariancePower < 2)) {
            throw new TrainingException("hyperparameter tweedie_variance_power must be between 1 and 2 (exclusive),"
                    + " got " + tweedieVariancePower + ": near 1 is Poisson-like, near 2 gamma-like; 1.5 is the default");
        }
        if (scalePosWeight != 1 && objective != Objective.BINARY_LOGISTIC) {
            throw new TrainingException("hyperparameter scale_pos_weight applies only to objective=binary:logistic, not "
                    + what + (objective == Objective.MULTI_SOFTPROB ? "; use class_weights=balanced" : "; remove it"));
        }
        if (!(scalePosWeight > 0) || Double.isInfinite(scalePosWeight)) {
            throw new TrainingException("hyperparameter scale_pos_weight must be a positive number (e.g. the number of"
                    + " negative rows over positive ones), got " + scalePosWeight);
        }
        if (classWeights != ClassWeights.NONE && !objective.isClassifier()) {
            throw new TrainingException("hyperparameter class_weights=" + classWeights.name().toLowerCase(Locale.ROOT)
                    + " applies only to classifiers (binary:logistic, multi:softprob), not " + what + "; remove it");
        }
        if (classWeights != ClassWeights.NONE && scalePosWeight != 1) {
            throw new TrainingException("hyperparameters class_weights and scale_pos_weight both weight the classes;"
                    + " give only one of them");
        }
        if (numClass != 0 && objective != Objective.MULTI_SOFTPROB) {
            throw new TrainingException("hyperparameter num_class applies only to objective=multi:softprob, not " + what
                    + "; remove it");
        }
        if (numClass != 0 && (numClass < 3 || numClass > 10_000)) {
            throw new TrainingException("hyperparameter num_class must be between 3 and 10000, got " + numClass
                    + (numClass == 2 ? ": two classes are objective=binary:logistic" : ""));
        }
    }

    /** @return today's house-prices default: squared error on log(target), scored by RMSLE */
    public static ObjectiveOptions defaults() {
        return new ObjectiveOptions(Objective.SQUARED_ERROR, EvalMetric.RMSLE, true, 1.5, 1, ClassWeights.NONE, 0);
    }

    /**
     * @param hp the job's hyperparameters
     * @return the options they set, defaults for the others
     * @throws TrainingException naming an unknown value or a combination that does not apply
     */
    public static ObjectiveOptions from(Hyperparameters hp) {
        Objective objective = hp.string("objective").map(v -> Objective.parse(v).orElseThrow(() ->
                new TrainingException("hyperparameter objective=\"" + v + "\" is unknown; use one of "
                        + Objective.names()))).orElse(Objective.SQUARED_ERROR);
        boolean logTarget = hp.bool("log_target", objective == Objective.SQUARED_ERROR);
        EvalMetric metric = hp.string("eval_metric").map(v -> EvalMetric.parse(v).orElseThrow(() ->
                new TrainingException("hyperparameter eval_metric=\"" + v + "\" is unknown; for objective="
                        + objective.nativeName() + " use one of " + labels(objective) + " (all metrics: "
                        + EvalMetric.names() + ")"))).orElse(objective.defaultMetric(logTarget));
        ClassWeights weights = hp.string("class_weights").map(v -> switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> ClassWeights.NONE;
            case "balanced" -> ClassWeights.BALANCED;
            default -> throw new TrainingException("hyperparameter class_weights=\"" + v + "\" is unknown; use balanced"
                    + " (every class weighs the same in total) or none");
        }).orElse(ClassWeights.NONE);
        return new ObjectiveOptions(objective, metric, logTarget, hp.number("tweedie_variance_power", 1.5),
                hp.number("scale_pos_weight", 1), weights, hp.integer("num_class", 0));
    }

    /**
     * XGBoost's metric of the same value on the label scale: on a log target, {@code rmse} is the RMSLE; accuracy is
     * one minus XGBoost's error rate; RMSE and MAE of a log target, RMSLE of a raw one and F1 have no native metric
     * and are computed from the predictions.
     *
     * @param classes the number of classes (1 for regression)
     * @return XGBoost's {@code eval_metric}, if it has the metric
     */
    public java.util.Optional<String> xgboostMetric(int classes) {
        return java.util.Optional.ofNullable(switch (metric) {
            case RMSLE -> logTarget ? "rmse" : null;
            case RMSE -> logTarget ? null : "rmse";
            case MAE -> logTarget ? null : "mae";
            case TWEEDIE_NLOGLIK -> String.format(Locale.ROOT, "tweedie-nloglik@%s", tweedieVariancePower);
            case AUC -> "auc";
            case LOGLOSS -> "logloss";
            case ACCURACY -> classes > 2 ? "merror" : "error";
            case F1 -> null;
            case MLOGLOSS -> "mlogloss";
        });
    }

    private static String kindWords(Objective objective) {
        return switch (objective.kind()) {
            case REGRESSION -> "a regression";
            case BINARY -> "a binary classifier";
            case MULTICLASS -> "a multiclass classifier";
        };
    }

    private static String labels(Objective objective) {
        return String.join(", ", objective.metrics().stream().map(EvalMetric::label).toList());
    }

    private static String objectivesFor(EvalMetric metric) {
        return String.join(", ", java.util.Arrays.stream(Objective.values()).filter(o -> o.metrics().contains(metric))
                .map(Objective::nativeName).toList());
    }
}
