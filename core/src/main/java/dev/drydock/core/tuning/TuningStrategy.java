package dev.drydock.core.tuning;

/** How the tuner chooses the next hyperparameters (SageMaker's {@code HyperParameterTuningJobStrategyType}). */
public enum TuningStrategy {
    /** A Gaussian process over the results so far picks the point of highest expected improvement. */
    BAYESIAN("Bayesian"),
    /** Independent draws from the ranges, each range on its scale. */
    RANDOM("Random"),
    /** Random draws, with trials stopped early by successive halving on their intermediate objective values. */
    HYPERBAND("Hyperband"),
    /** Every combination of the categorical ranges, once each. */
    GRID("Grid");

    private final String wireName;

    TuningStrategy(String wireName) {
        this.wireName = wireName;
    }

    /** The name SageMaker's API uses. */
    public String wireName() {
        return wireName;
    }

    /** The constant whose {@link #wireName()} is {@code name}. */
    public static TuningStrategy fromWireName(String name) {
        return WireNames.parse(TuningStrategy.class, "strategy", name, TuningStrategy::wireName);
    }
}
