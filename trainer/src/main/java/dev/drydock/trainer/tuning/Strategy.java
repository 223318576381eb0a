package dev.drydock.trainer.tuning;

import java.util.Arrays;
import java.util.Locale;

/** How the search space is explored. */
public enum Strategy {
    /** Every configuration (the reference's fits), each scored at its own {@code n_estimators}. */
    GRID,
    /** {@code n_samples} configurations drawn at random with the seed, each scored at its own {@code n_estimators}. */
    RANDOM,
    /**
     * Successive halving, the fast default: every configuration is cross-validated with a small round budget, the
     * best third goes on with three times the budget, and so on up to the largest {@code n_estimators}; each fit
     * stops early when the mean fold error stops improving, and the round count is chosen by cross-validation.
     */
    HALVING;

    /**
     * @param name {@code grid}, {@code random} or {@code halving}, any case
     * @return the strategy
     * @throws IllegalArgumentException listing the names for any other
     */
    public static Strategy parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("strategy \"" + name + "\" is unknown; use one of "
                    + Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList(), e);
        }
    }

    /** @return the hyperparameter spelling */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
