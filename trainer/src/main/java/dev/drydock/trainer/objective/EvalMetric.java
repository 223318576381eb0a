package dev.drydock.trainer.objective;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A metric that ranks trials, stops the boosting early, and is reported as {@code cv_NAME} and {@code holdout_NAME}
 * (log lines, {@code metrics.json}, {@code trials.csv}, the report). Each is computed here, in Java, from
 * {@link Predictions}; where XGBoost computes the same value natively, cross-validation lets XGBoost do it (see
 * {@link Task#xgboostMetric()}), and a test checks that both agree.
 */
public enum EvalMetric {
    /** Root mean squared log error: sqrt(mean((log actual - log predicted)^2)); predictions below 1e-9 count as 1e-9. */
    RMSLE("rmsle", Direction.LOWER_IS_BETTER),
    /** Root mean squared error, in target units. */
    RMSE("rmse", Direction.LOWER_IS_BETTER),
    /** Mean absolute error, in target units. */
    MAE("mae", Direction.LOWER_IS_BETTER),
    /** The negative log-likelihood of a Tweedie distribution with the given variance power (XGBoost's formula). */
    TWEEDIE_NLOGLIK("tweedie_nloglik", Direction.LOWER_IS_BETTER),
    /** Area under the ROC curve, ties counted half (binary). */
    AUC("auc", Direction.HIGHER_IS_BETTER),
    /** Mean negative log-likelihood of the true class, probabilities clipped to [1e-15, 1 - 1e-15] (binary). */
    LOGLOSS("logloss", Direction.LOWER_IS_BETTER),
    /** Share of rows whose predicted class is the true one (binary: class 1 when its probability exceeds 0.5). */
    ACCURACY("accuracy", Direction.HIGHER_IS_BETTER),
    /** F1 of class 1: 2 TP / (2 TP + FP + FN), 0 when there is no positive at all (binary, threshold 0.5). */
    F1("f1", Direction.HIGHER_IS_BETTER),
    /** Mean negative log-likelihood of the true class over every class, probabilities clipped at 1e-15. */
    MLOGLOSS("mlogloss", Direction.LOWER_IS_BETTER);

    private static final double EPS = 1e-15;

    private final String label;
    private final Direction direction;

    EvalMetric(String label, Direction direction) {
        this.label = label;
        this.direction = direction;
    }

    /** @return the name in hyperparameters, log lines and files ({@code rmsle}) */
    public String label() {
        return label;
    }

    /** @return whether lower or higher is better */
    public Direction direction() {
        return direction;
    }

    /**
     * @param name a metric name, as {@link #label()} or with hyphens ({@code tweedie-nloglik})
     * @return the metric, if there is one of that name
     */
    public static Optional<EvalMetric> parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(m -> m.label.equals(n)).findFirst();
    }

    /** @return every name, for error messages */
    public static String names() {
        return Arrays.stream(values()).map(EvalMetric::label).collect(Collectors.joining(", "));
    }

    /**
     * @param p the rows' true values and predictions
     * @return the metric
     */
    public double compute(Predictions p) {
        return compute(p, 1.5);
    }

    /**
     * @param p the rows' true values and predictions
     * @param tweedieVariancePower the variance power of {@link #TWEEDIE_NLOGLIK} (ignored by the others)
     * @return the metric
     */
    public double compute(Predictions p, double tweedieVariancePower) {
        return switch (this) {
            case RMSLE -> Math.sqrt(weightedMean(p, i -> {
                double d = Math.log(p.actual()[i]) - Math.log(Math.max(1e-9, p.predicted()[i]));
                return d * d;
            }));
            case RMSE -> Math.sqrt(weightedMean(p, i -> {
                double d = p.actual()[i] - p.predicted()[i];
                return d * d;
            }));
            case MAE -> weightedMean(p, i -> Math.abs(p.actual()[i] - p.predicted()[i]));
            case TWEEDIE_NLOGLIK -> weightedMean(p, i -> {
                double rho = tweedieVariancePower;
                double mu = Math.max(p.predicted()[i], 1e-9);
                double a = p.actual()[i] * Math.exp((1 - rho) * Math.log(mu)) / (1 - rho);
                double b = Math.exp((2 - rho) * Math.log(mu)) / (2 - rho);
                return -a + b;
            });
            case AUC -> auc(p);
            case LOGLOSS, MLOGLOSS -> weightedMean(p, i -> -Math.log(Math.min(1 - EPS, Math.max(EPS,
                    p.probabilityOfActual(i)))));
            case ACCURACY -> weightedMean(p, i -> p.predictedClass(i) == (int) p.actual()[i] ? 1 : 0);
            case F1 -> f1(p);
        };
    }

    private interface RowValue {
        double of(int row);
    }

    private static double weightedMean(Predictions p, RowValue value) {
        double sum = 0;
        double weights = 0;
        for (int i = 0; i < p.rows(); i++) {
            sum += p.weight(i) * value.of(i);
            weights += p.weight(i);
        }
        return sum / weights;
    }

    /**
     * The probability that a random positive scores above a random negative, ties counting half (weighted: every
     * pair weighs the product of its rows' weights). With one class only there is nothing to rank: 0.5.
     */
    private static double auc(Predictions p) {
        Integer[] order = new Integer[p.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p.predicted()[a], p.predicted()[b]));
        double negativesBelow = 0;
        double pairs = 0;
        double positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            double tiedPositives = 0;
            double tiedNegatives = 0;
            while (j < order.length && p.predicted()[order[j]] == p.predicted()[order[i]]) {
                int row = order[j];
                if (p.actual()[row] == 1) {
                    tiedPositives += p.weight(row);
                } else {
                    tiedNegatives += p.weight(row);
                }
                j++;
            }
            pairs += tiedPositives * (negativesBelow + tiedNegatives / 2);
            negativesBelow += tiedNegatives;
            positives += tiedPositives;
            i = j;
        }
        double negatives = negativesBelow;
        return positives == 0 || negatives == 0 ? 0.5 : pairs / (positives * negatives);
    }

    private static double f1(Predictions p) {
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (int i = 0; i < p.rows(); i++) {
            boolean predicted = p.predictedClass(i) == 1;
            boolean actual = p.actual()[i] == 1;
            if (predicted && actual) {
                tp += p.weight(i);
            } else if (predicted) {
                fp += p.weight(i);
            } else if (actual) {
                fn += p.weight(i);
            }
        }
        double denominator = 2 * tp + fp + fn;
        return denominator == 0 ? 0 : 2 * tp / denominator;
    }
}
