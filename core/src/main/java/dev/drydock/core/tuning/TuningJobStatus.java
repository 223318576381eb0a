package dev.drydock.core.tuning;

/** The state of a tuning job (SageMaker's {@code HyperParameterTuningJobStatus}). */
public enum TuningJobStatus {
    /** Trials are being started or run. */
    IN_PROGRESS("InProgress"),
    /** It ran its trials, or met a completion criterion. */
    COMPLETED("Completed"),
    /** It could not go on (every trial failed, or the tuner itself failed); it has a failure reason. */
    FAILED("Failed"),
    /** A stop was requested; running trials are being stopped. */
    STOPPING("Stopping"),
    /** It was stopped by request or by its max runtime. */
    STOPPED("Stopped");

    private final String wireName;

    TuningJobStatus(String wireName) {
        this.wireName = wireName;
    }

    /** Whether it has ended: Completed, Failed or Stopped. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == STOPPED;
    }

    /** The name SageMaker's API uses. */
    public String wireName() {
        return wireName;
    }

    /** The constant whose {@link #wireName()} is {@code name}. */
    public static TuningJobStatus fromWireName(String name) {
        return WireNames.parse(TuningJobStatus.class, "status", name, TuningJobStatus::wireName);
    }
}
