package dev.drydock.core.tuning;

import dev.drydock.core.error.Violations;

import java.util.Objects;

/**
 * An integer hyperparameter from {@code min} to {@code max}, both included (SageMaker's {@code IntegerParameterRange}).
 *
 * @param name    the hyperparameter, 1 to 256 characters
 * @param min     the smallest value
 * @param max     the largest value, above {@code min}
 * @param scaling Auto, Linear or Logarithmic (which needs {@code min > 0}); ReverseLogarithmic is for continuous
 *                ranges only
 */
public record IntegerRange(String name, long min, long max, ScalingType scaling) implements ParameterRange {

    /** Validates the bounds against the scale. */
    public IntegerRange {
        scaling = scaling == null ? ScalingType.AUTO : scaling;
        Violations v = new Violations();
        RangeRules.checkName(v, name);
        v.check(min < max, "max", max, "must be greater than min " + min);
        v.check(scaling != ScalingType.LOGARITHMIC || min > 0, "min", min,
                "must be greater than 0 for Logarithmic scaling (or use Linear)");
        v.check(scaling != ScalingType.REVERSE_LOGARITHMIC, "scalingType", scaling.wireName(),
                "is for continuous ranges only: use Linear, Logarithmic or Auto");
        v.throwIfAny();
    }

    @Override
    public String valueAt(double u) {
        // Each integer owns an equal slice of the (scaled) range, so the ends are drawn as often as the middle.
        double value = Scales.toValue(scaling, min - 0.5 + (scaledLow() ? 0.5 : 0), max + 0.5, u);
        return Long.toString(Math.max(min, Math.min(max, Math.round(value))));
    }

    @Override
    public double positionOf(String value) {
        return Scales.toPosition(scaling, min - 0.5 + (scaledLow() ? 0.5 : 0), max + 0.5,
                Long.parseLong(Objects.requireNonNull(value, "value").trim()));
    }

    /** Whether the low end must stay at {@code min} because the scale is logarithmic (and {@code min - 0.5} may be 0). */
    private boolean scaledLow() {
        return Scales.resolve(scaling, min, max) == ScalingType.LOGARITHMIC;
    }
}
