package dev.drydock.core.tuning;

import dev.drydock.core.error.Violations;

/**
 * What the tuner optimises: a metric the training spec's metric definitions read from the logs
 * (SageMaker's {@code HyperParameterTuningJobObjective}).
 *
 * @param metricName the name of one of the training spec's metric definitions
 * @param type       minimise or maximise
 */
public record Objective(String metricName, ObjectiveType type) {

    /** Validates the parts. */
    public Objective {
        Violations v = new Violations();
        v.check(metricName != null && !metricName.isEmpty() && metricName.length() <= 255, "metricName", metricName,
                "must be the name of a metric definition of the training spec, 1 to 255 characters");
        v.check(type != null, "type", null, "must be Minimize or Maximize");
        v.throwIfAny();
    }

    /** Minimise {@code metricName}. */
    public static Objective minimize(String metricName) {
        return new Objective(metricName, ObjectiveType.MINIMIZE);
    }

    /** Maximise {@code metricName}. */
    public static Objective maximize(String metricName) {
        return new Objective(metricName, ObjectiveType.MAXIMIZE);
    }
}
