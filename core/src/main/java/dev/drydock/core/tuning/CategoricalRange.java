package dev.drydock.core.tuning;

import dev.drydock.core.error.Violations;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A hyperparameter taking one of listed values (SageMaker's {@code CategoricalParameterRange}).
 *
 * @param name   the hyperparameter, 1 to 256 characters
 * @param values 1 to {@value #MAX_VALUES} distinct values of 1 to 256 characters each
 */
public record CategoricalRange(String name, List<String> values) implements ParameterRange {
    /** The most values SageMaker accepts for one categorical range. */
    public static final int MAX_VALUES = 30;

    /** Validates the values. */
    public CategoricalRange {
        values = values == null ? List.of() : List.copyOf(values);
        Violations v = new Violations();
        RangeRules.checkName(v, name);
        v.check(!values.isEmpty() && values.size() <= MAX_VALUES, "values", values.size() + " values",
                "must hold 1 to " + MAX_VALUES + " values");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            v.check(value != null && !value.isEmpty() && value.length() <= 256, "values[" + i + "]", value,
                    "must be 1 to 256 characters");
            v.check(seen.add(value), "values[" + i + "]", value, "must be listed once: it appears before");
        }
        v.throwIfAny();
    }

    @Override
    public String valueAt(double u) {
        int index = (int) Math.floor(Math.min(1, Math.max(0, u)) * values.size());
        return values.get(Math.min(values.size() - 1, index));
    }

    @Override
    public double positionOf(String value) {
        int index = values.indexOf(value);
        return index < 0 ? 0.5 : (index + 0.5) / values.size();
    }
}
