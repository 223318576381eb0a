package dev.drydock.trainer.objective;

import java.util.Comparator;

/** Whether a metric is better when lower (an error, a loss) or when higher (AUC, accuracy). */
public enum Direction {
    /** Errors and losses: RMSLE, MAE, log loss. */
    LOWER_IS_BETTER,
    /** Scores: AUC, accuracy, F1. */
    HIGHER_IS_BETTER;

    /**
     * @param candidate a value
     * @param incumbent the value to beat ({@code NaN}: none yet)
     * @return whether {@code candidate} is strictly better
     */
    public boolean isBetter(double candidate, double incumbent) {
        if (Double.isNaN(incumbent)) {
            return !Double.isNaN(candidate);
        }
        return this == LOWER_IS_BETTER ? candidate < incumbent : candidate > incumbent;
    }

    /** @return orders values best first ({@code NaN} last) */
    public Comparator<Double> bestFirst() {
        Comparator<Double> natural = this == LOWER_IS_BETTER ? Comparator.naturalOrder() : Comparator.reverseOrder();
        return (a, b) -> {
            if (a.isNaN() || b.isNaN()) {
                return Boolean.compare(a.isNaN(), b.isNaN());
            }
            return natural.compare(a, b);
        };
    }

    /** @return the label used in reports: "lower is better" or "higher is better" */
    public String label() {
        return this == LOWER_IS_BETTER ? "lower is better" : "higher is better";
    }
}
