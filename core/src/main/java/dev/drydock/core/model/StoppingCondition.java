package dev.drydock.core.model;

import dev.drydock.core.error.Violations;

import java.time.Duration;

/**
 * When a job is stopped for running too long (SageMaker's StoppingCondition). On reaching {@code maxRuntime} the
 * container gets SIGTERM, then SIGKILL after the grace period, and the job ends Stopped with secondary status
 * MaxRuntimeExceeded, keeping what the container saved in {@code /opt/ml/model} as its model.
 *
 * @param maxRuntime  the longest the job may train, 1 second to 28 days
 * @param maxWaitTime for managed spot jobs, the longest to wait for capacity plus train; {@code null} otherwise
 */
public record StoppingCondition(Duration maxRuntime, Duration maxWaitTime) {
    /** SageMaker's upper bound on MaxRuntimeInSeconds. */
    public static final Duration MAX_RUNTIME = Duration.ofDays(28);
    /** SageMaker's default: one day. */
    public static final Duration DEFAULT_RUNTIME = Duration.ofDays(1);

    /** Validates both durations, reporting all problems at once. */
    public StoppingCondition {
        Violations v = new Violations();
        v.check(maxRuntime != null && maxRuntime.getSeconds() >= 1 && maxRuntime.compareTo(MAX_RUNTIME) <= 0,
                "maxRuntime", maxRuntime, "must be between 1 second and 28 days");
        if (maxWaitTime != null && maxRuntime != null) {
            v.check(maxWaitTime.compareTo(maxRuntime) >= 0 && maxWaitTime.compareTo(MAX_RUNTIME) <= 0, "maxWaitTime", maxWaitTime,
                    "must be at least maxRuntime (" + maxRuntime + ") and at most 28 days");
        }
        v.throwIfAny();
    }

    /** A limit of {@code maxRuntime}, no spot waiting. */
    public static StoppingCondition of(Duration maxRuntime) {
        return new StoppingCondition(maxRuntime, null);
    }

    /** One day, SageMaker's default. */
    public static StoppingCondition defaults() {
        return of(DEFAULT_RUNTIME);
    }
}
