package dev.drydock.core.tuning;

import java.util.List;

/**
 * Earlier tuning jobs whose results seed this one (SageMaker's {@code HyperParameterTuningJobWarmStartConfig});
 * checked by {@link TuningJobSpec}.
 *
 * @param parents 1 to {@value #MAX_PARENTS} earlier tuning jobs
 * @param type    how this job relates to them
 */
public record WarmStart(List<TuningJobName> parents, WarmStartType type) {
    /** The most parents SageMaker accepts. */
    public static final int MAX_PARENTS = 5;

    /** Copies the parents. */
    public WarmStart {
        parents = parents == null ? List.of() : List.copyOf(parents);
    }
}
