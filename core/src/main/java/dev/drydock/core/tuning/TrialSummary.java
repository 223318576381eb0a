package dev.drydock.core.tuning;

import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One trial of a tuning job (SageMaker's {@code HyperParameterTrainingJobSummary}).
 *
 * @param name                  the training job's name, {@code <tuning-job>-NNN-<hash>}
 * @param tunedHyperparameters  the values the tuner chose, as the container received them
 * @param state                 the training job's state
 * @param objective             the final objective value (the last the logs reported), or {@code null} when none
 * @param intermediateObjective every objective value the logs reported, in order (locally; empty from SageMaker)
 * @param earlyStopped          whether the tuner stopped it (early stopping or Hyperband)
 * @param created               when it was submitted
 * @param ended                 when it ended, or {@code null}
 * @param failureReason         why it failed, or {@code null}
 */
public record TrialSummary(JobName name, Map<String, String> tunedHyperparameters, JobState state, Double objective,
                           List<Double> intermediateObjective, boolean earlyStopped, Instant created, Instant ended,
                           String failureReason) {

    /** Validates the required parts and copies the collections. */
    public TrialSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(created, "created");
        tunedHyperparameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tunedHyperparameters));
        intermediateObjective = intermediateObjective == null ? List.of() : List.copyOf(intermediateObjective);
    }

    /** The objective, if the trial reported one. */
    public Optional<Double> objectiveIfAny() {
        return Optional.ofNullable(objective);
    }

    /** The 1-based trial number of its name ({@code 7} for {@code tune-007-1a2b3c4d}). */
    public int number() {
        String value = name.value();
        int end = value.lastIndexOf('-');
        return Integer.parseInt(value.substring(value.lastIndexOf('-', end - 1) + 1, end));
    }
}
