package dev.drydock.core.tuning;

/** Whether the tuner stops trials that are doing badly (SageMaker's {@code TrainingJobEarlyStoppingType}). */
public enum EarlyStopping {
    /** Every trial runs to its end. */
    OFF("Off"),
    /**
     * A trial whose best intermediate objective so far is worse than the median of the earlier trials' at the same
     * point (the same number of objective values reported) is stopped, as SageMaker documents it.
     */
    AUTO("Auto");

    private final String wireName;

    EarlyStopping(String wireName) {
        this.wireName = wireName;
    }

    /** The name SageMaker's API uses. */
    public String wireName() {
        return wireName;
    }

    /** The constant whose {@link #wireName()} is {@code name}. */
    public static EarlyStopping fromWireName(String name) {
        return WireNames.parse(EarlyStopping.class, "earlyStopping", name, EarlyStopping::wireName);
    }
}
