package dev.drydock.core.tuning;

import dev.drydock.core.model.JobState;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a backend knows of a tuning job at one moment (SageMaker's {@code DescribeHyperParameterTuningJob} with
 * {@code ListTrainingJobsForHyperParameterTuningJob}).
 *
 * @param name          the tuning job's name
 * @param arn           its ARN (locally one of the same shape), or {@code null}
 * @param status        its status
 * @param strategy      its strategy
 * @param objective     its objective
 * @param maxTrials     how many trials it runs at most
 * @param trials        every trial started so far, by number
 * @param created       when it was submitted
 * @param ended         when it ended, or {@code null}
 * @param endReason     why it ended ({@code "MaxNumberOfTrainingJobsReached"}, {@code "TargetObjectiveReached"},
 *                      {@code "BestObjectiveNotImproving"}, {@code "ConvergenceDetected"}, {@code "StopRequested"},
 *                      {@code "MaxRuntimeExceeded"}, ...), or {@code null}
 * @param failureReason why it failed, or {@code null}
 */
public record TuningJobDescription(TuningJobName name, String arn, TuningJobStatus status, TuningStrategy strategy,
                                   Objective objective, int maxTrials, List<TrialSummary> trials, Instant created,
                                   Instant ended, String endReason, String failureReason) {

    /** Validates the required parts and orders the trials by number. */
    public TuningJobDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(created, "created");
        trials = trials == null ? List.of() : trials.stream().sorted(Comparator.comparingInt(TrialSummary::number)).toList();
    }

    /** How many trials are in each state (every state is present, most with 0). */
    public Map<JobState, Integer> countsByState() {
        Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
        for (JobState state : JobState.values()) {
            counts.put(state, 0);
        }
        trials.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
        return counts;
    }

    /** The trial with the best objective so far (ties to the earliest), if any reported one. */
    public Optional<TrialSummary> bestTrial() {
        TrialSummary best = null;
        for (TrialSummary t : trials) {
            if (t.objective() != null && !t.objective().isNaN()
                    && (best == null || objective.type().isBetter(t.objective(), best.objective()))) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /** How many trials the tuner stopped early. */
    public long earlyStoppedCount() {
        return trials.stream().filter(TrialSummary::earlyStopped).count();
    }

    /** The failure reason, if it failed. */
    public Optional<String> failureReasonIfAny() {
        return Optional.ofNullable(failureReason);
    }
}
