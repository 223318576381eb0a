package dev.drydock.core.tuning;

import java.time.Duration;
import java.util.Optional;

/**
 * How much a tuning job may run (SageMaker's {@code ResourceLimits}); checked by {@link TuningJobSpec}, which knows
 * the strategy they depend on.
 *
 * @param maxTrainingJobs         the most trials, or {@code null} for a Grid search (which runs its whole grid)
 * @param maxParallelTrainingJobs the most trials running at once
 * @param maxRuntime              the longest the tuning job runs before it is stopped, or {@code null}
 */
public record ResourceLimits(Integer maxTrainingJobs, int maxParallelTrainingJobs, Duration maxRuntime) {
    /** SageMaker's default quota of training jobs per tuning job. */
    public static final int MAX_TRAINING_JOBS = 500;
    /** SageMaker's default quota of concurrent training jobs per tuning job. */
    public static final int MAX_PARALLEL_TRAINING_JOBS = 100;
    /** The shortest max runtime SageMaker accepts. */
    public static final Duration MIN_RUNTIME = Duration.ofSeconds(120);
    /** The longest max runtime SageMaker accepts (15,768,000 seconds, half a year). */
    public static final Duration MAX_RUNTIME = Duration.ofSeconds(15_768_000);

    /** At most {@code maxTrainingJobs} trials, {@code maxParallel} at once, no runtime limit. */
    public static ResourceLimits of(int maxTrainingJobs, int maxParallel) {
        return new ResourceLimits(maxTrainingJobs, maxParallel, null);
    }

    /** This with a max runtime. */
    public ResourceLimits withMaxRuntime(Duration value) {
        return new ResourceLimits(maxTrainingJobs, maxParallelTrainingJobs, value);
    }

    /** The max runtime, if set. */
    public Optional<Duration> maxRuntimeIfAny() {
        return Optional.ofNullable(maxRuntime);
    }
}
