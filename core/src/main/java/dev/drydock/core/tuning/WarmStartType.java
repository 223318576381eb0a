package dev.drydock.core.tuning;

/** How a warm-started tuning job relates to its parents (SageMaker's {@code HyperParameterTuningJobWarmStartType}). */
public enum WarmStartType {
    /** Same data and image; the ranges may differ. */
    IDENTICAL_DATA_AND_ALGORITHM("IdenticalDataAndAlgorithm"),
    /** Other data, ranges or image version: the parents' results are a prior, not the same problem. */
    TRANSFER_LEARNING("TransferLearning");

    private final String wireName;

    WarmStartType(String wireName) {
        this.wireName = wireName;
    }

    /** The name SageMaker's API uses. */
    public String wireName() {
        return wireName;
    }

    /** The constant whose {@link #wireName()} is {@code name}. */
    public static WarmStartType fromWireName(String name) {
        return WireNames.parse(WarmStartType.class, "warmStart.type", name, WarmStartType::wireName);
    }
}
