package dev.drydock.core.tuning;

import dev.drydock.core.error.Violations;
import dev.drydock.core.model.Hyperparameters;

/** The rules every range shares. */
final class RangeRules {
    private RangeRules() {
    }

    static void checkName(Violations v, String name) {
        v.check(name != null && !name.isEmpty() && name.length() <= Hyperparameters.MAX_KEY, "name", name,
                "must be a hyperparameter name of 1 to " + Hyperparameters.MAX_KEY + " characters");
    }
}
