package dev.drydock.core.tuning;

import java.util.Optional;

/**
 * When a tuning job may end before its trials are used up (SageMaker's {@code TuningJobCompletionCriteria}); checked
 * by {@link TuningJobSpec}.
 *
 * @param targetObjectiveValue    end once a trial's objective is at least this good, or {@code null}
 * @param maxJobsNotImproving     end once this many trials in a row (at least 3) ended without improving the best,
 *                                or {@code null}
 * @param completeOnConvergence   end once the search has converged: locally, when the last
 *                                {@link #CONVERGENCE_WINDOW} trials improved the best by less than
 *                                {@link #CONVERGENCE_TOLERANCE} of it
 */
public record CompletionCriteria(Double targetObjectiveValue, Integer maxJobsNotImproving, boolean completeOnConvergence) {
    /** SageMaker's least MaxNumberOfTrainingJobsNotImproving. */
    public static final int MIN_JOBS_NOT_IMPROVING = 3;
    /** How many recent trials the local convergence test looks at. */
    public static final int CONVERGENCE_WINDOW = 10;
    /** The relative improvement below which the local search counts as converged. */
    public static final double CONVERGENCE_TOLERANCE = 1e-3;

    /** No criterion: the tuning job runs its trials. */
    public static CompletionCriteria none() {
        return new CompletionCriteria(null, null, false);
    }

    /** This, ending once a trial reaches {@code value}. */
    public CompletionCriteria withTarget(double value) {
        return new CompletionCriteria(value, maxJobsNotImproving, completeOnConvergence);
    }

    /** This, ending after {@code jobs} trials in a row without improvement. */
    public CompletionCriteria withMaxJobsNotImproving(int jobs) {
        return new CompletionCriteria(targetObjectiveValue, jobs, completeOnConvergence);
    }

    /** This, ending on convergence. */
    public CompletionCriteria withCompleteOnConvergence(boolean value) {
        return new CompletionCriteria(targetObjectiveValue, maxJobsNotImproving, value);
    }

    /** The target, if set. */
    public Optional<Double> targetIfAny() {
        return Optional.ofNullable(targetObjectiveValue);
    }
}
