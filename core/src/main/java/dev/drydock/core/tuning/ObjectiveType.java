package dev.drydock.core.tuning;

/** Whether the objective metric is to be made small or large. */
public enum ObjectiveType {
    /** Smaller is better (an error such as RMSE). */
    MINIMIZE("Minimize"),
    /** Larger is better (an accuracy, an AUC). */
    MAXIMIZE("Maximize");

    private final String wireName;

    ObjectiveType(String wireName) {
        this.wireName = wireName;
    }

    /** Whether {@code candidate} is strictly better than {@code incumbent}. */
    public boolean isBetter(double candidate, double incumbent) {
        return this == MINIMIZE ? candidate < incumbent : candidate > incumbent;
    }

    /** The value as a loss: itself when minimising, its negation when maximising. */
    public double asLoss(double value) {
        return this == MINIMIZE ? value : -value;
    }

    /** The name SageMaker's API uses. */
    public String wireName() {
        return wireName;
    }

    /** The constant whose {@link #wireName()} is {@code name}. */
    public static ObjectiveType fromWireName(String name) {
        return WireNames.parse(ObjectiveType.class, "objective.type", name, ObjectiveType::wireName);
    }
}
