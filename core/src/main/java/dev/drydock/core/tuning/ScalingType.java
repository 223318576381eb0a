package dev.drydock.core.tuning;

/**
 * How a numeric range is searched (SageMaker's {@code HyperParameterScalingType}).
 *
 * <p>{@link #AUTO} lets the tuner choose: locally, Logarithmic when the range is positive and spans at least two
 * orders of magnitude (as a learning rate from 0.001 to 0.3 does), Linear otherwise.
 */
public enum ScalingType {
    /** The tuner chooses the scale. */
    AUTO("Auto"),
    /** Values spread evenly over the range. */
    LINEAR("Linear"),
    /** Values spread evenly over the logarithm of the range; the range must be positive. */
    LOGARITHMIC("Logarithmic"),
    /** Dense near 1: evenly over {@code log(1 - x)}; continuous ranges within {@code 0 <= x < 1} only. */
    REVERSE_LOGARITHMIC("ReverseLogarithmic");

    private final String wireName;

    ScalingType(String wireName) {
        this.wireName = wireName;
    }

    /** The name SageMaker's API uses. */
    public String wireName() {
        return wireName;
    }

    /** The constant whose {@link #wireName()} is {@code name}. */
    public static ScalingType fromWireName(String name) {
        return WireNames.parse(ScalingType.class, "scalingType", name, ScalingType::wireName);
    }
}
