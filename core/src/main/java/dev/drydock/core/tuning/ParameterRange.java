package dev.drydock.core.tuning;

/**
 * The values one hyperparameter may take in a tuning job: {@link ContinuousRange}, {@link IntegerRange} or
 * {@link CategoricalRange}. Each maps a point {@code u} of {@code [0, 1]} to a value on its scale, which is how every
 * strategy samples it.
 */
public sealed interface ParameterRange permits ContinuousRange, IntegerRange, CategoricalRange {

    /** The hyperparameter's name. */
    String name();

    /** The value at {@code u} in {@code [0, 1]}, as the hyperparameter string the container receives. */
    String valueAt(double u);

    /** Where {@code value} lies in {@code [0, 1]}: the inverse of {@link #valueAt}, for results read back. */
    double positionOf(String value);
}
