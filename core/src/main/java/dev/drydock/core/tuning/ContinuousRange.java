package dev.drydock.core.tuning;

import dev.drydock.core.error.Violations;

import java.util.Objects;

/**
 * A real-valued hyperparameter between {@code min} and {@code max} (SageMaker's {@code ContinuousParameterRange}).
 *
 * @param name    the hyperparameter, 1 to 256 characters
 * @param min     the smallest value
 * @param max     the largest value, above {@code min}
 * @param scaling how the range is searched; Logarithmic needs {@code min > 0}, ReverseLogarithmic
 *                {@code 0 <= min < max < 1}
 */
public record ContinuousRange(String name, double min, double max, ScalingType scaling) implements ParameterRange {

    /** Validates the bounds against the scale. */
    public ContinuousRange {
        scaling = scaling == null ? ScalingType.AUTO : scaling;
        Violations v = new Violations();
        RangeRules.checkName(v, name);
        v.check(Double.isFinite(min), "min", min, "must be a finite number");
        v.check(Double.isFinite(max), "max", max, "must be a finite number");
        v.check(!(min >= max), "max", max, "must be greater than min " + min);
        v.check(scaling != ScalingType.LOGARITHMIC || min > 0, "min", min,
                "must be greater than 0 for Logarithmic scaling (or use Linear)");
        v.check(scaling != ScalingType.REVERSE_LOGARITHMIC || (min >= 0 && max < 1), "scalingType",
                scaling.wireName() + " on [" + min + ", " + max + "]",
                "needs 0 <= min and max < 1 (ReverseLogarithmic is for values just below 1): use Linear or Logarithmic");
        v.throwIfAny();
    }

    @Override
    public String valueAt(double u) {
        return Double.toString(Scales.toValue(scaling, min, max, u));
    }

    @Override
    public double positionOf(String value) {
        return Scales.toPosition(scaling, min, max, Double.parseDouble(Objects.requireNonNull(value, "value")));
    }
}
