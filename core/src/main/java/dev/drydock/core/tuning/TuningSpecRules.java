package dev.drydock.core.tuning;

import dev.drydock.core.error.Violations;
import dev.drydock.core.model.Hyperparameters;
import dev.drydock.core.model.TrainingJobSpec;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a {@link TuningJobSpec} is held to: SageMaker's documented limits for {@code CreateHyperParameterTuningJob},
 * and what makes the local tuner meaningful. Each message names the field, the value and the fix.
 */
final class TuningSpecRules {
    private TuningSpecRules() {
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    static void validate(Violations v, TuningJobName name, TuningStrategy strategy, HyperbandConfig hyperband,
                         Objective objective, List<ParameterRange> ranges, ResourceLimits limits,
                         EarlyStopping earlyStopping, CompletionCriteria completion, WarmStart warmStart,
                         Integer randomSeed, TrainingJobSpec template) {
        v.check(name != null, "tuningJobName", null, "must be set: 1 to 32 letters, digits and hyphens");
        v.check(strategy != null, "strategy", null, "must be one of Bayesian, Random, Hyperband, Grid");
        v.check(template != null, "trainingTemplate", null,
                "must be set: the training job definition (image, channels, metric definitions) every trial is made of");
        checkObjective(v, objective, template);
        checkRanges(v, strategy, ranges, template);
        checkLimits(v, strategy, limits, ranges);
        checkStrategy(v, strategy, hyperband, earlyStopping);
        checkCompletion(v, completion);
        checkWarmStart(v, name, warmStart);
        v.check(randomSeed == null || randomSeed >= 0, "randomSeed", randomSeed, "must be at least 0");
    }

    private static void checkObjective(Violations v, Objective objective, TrainingJobSpec template) {
        if (!v.check(objective != null, "objective", null,
                "must be set: the metric to minimise or maximise, such as minimize(\"validation:rmse\")")) {
            return;
        }
        if (template != null) {
            boolean defined = template.metricDefinitions().stream().anyMatch(m -> m.name().equals(objective.metricName()));
            v.check(defined, "objective.metricName", objective.metricName(), template.metricDefinitions().isEmpty()
                    ? "must be read by a metric definition of the training template, which has none: add one with"
                    + " metric(\"" + objective.metricName() + "\", \"<regex with one group>\")"
                    : "must be one of the training template's metric definitions (" + TuningJobSpec.metricNames(template)
                    + "), or add a definition of that name");
        }
    }

    private static void checkRanges(Violations v, TuningStrategy strategy, List<ParameterRange> ranges,
                                    TrainingJobSpec template) {
        // A range that did not build is reported already, and missing from the list: it does not make the list empty.
        boolean partsReported = v.list().stream().anyMatch(x -> x.field().startsWith("parameterRanges["));
        v.check(partsReported || !ranges.isEmpty(), "parameterRanges", "0 ranges", "must hold at least one range to search");
        v.check(ranges.size() <= TuningJobSpec.MAX_RANGES, "parameterRanges", ranges.size() + " ranges",
                "must hold at most " + TuningJobSpec.MAX_RANGES + " ranges (all kinds together): search fewer hyperparameters");
        Set<String> twice = TuningJobSpec.duplicateNames(ranges);
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < ranges.size(); i++) {
            ParameterRange range = ranges.get(i);
            String field = "parameterRanges[" + i + "].name";
            if (twice.contains(range.name()) && reported.add(range.name())) {
                v.add(field, range.name(), "must be searched by one range only: remove the other range of this name");
            }
            if (template != null && template.hyperparameters().values().containsKey(range.name())) {
                v.add(field, range.name(), "is also a static hyperparameter of the training template: remove it there"
                        + " or do not search it");
            }
            if (strategy == TuningStrategy.GRID && !(range instanceof CategoricalRange)) {
                v.add("parameterRanges[" + i + "]", range.name(), "must be categorical for a Grid search (SageMaker's"
                        + " Grid supports categorical ranges only): list its values, or choose another strategy");
            }
        }
        if (template != null) {
            int total = template.hyperparameters().values().size() + ranges.size();
            v.check(total <= Hyperparameters.MAX_COUNT, "parameterRanges", total + " hyperparameters",
                    "with the static ones must make at most " + Hyperparameters.MAX_COUNT + " hyperparameters per trial");
        }
    }

    private static void checkLimits(Violations v, TuningStrategy strategy, ResourceLimits limits, List<ParameterRange> ranges) {
        if (!v.check(limits != null, "resourceLimits", null, "must be set")) {
            return;
        }
        Integer jobs = limits.maxTrainingJobs();
        if (jobs == null) {
            v.check(strategy == TuningStrategy.GRID, "resourceLimits.maxNumberOfTrainingJobs", null,
                    "must be set (1 to " + ResourceLimits.MAX_TRAINING_JOBS + ") unless the strategy is Grid");
        } else {
            v.check(jobs >= 1 && jobs <= ResourceLimits.MAX_TRAINING_JOBS, "resourceLimits.maxNumberOfTrainingJobs", jobs,
                    "must be 1 to " + ResourceLimits.MAX_TRAINING_JOBS + " (SageMaker's default quota)");
        }
        int parallel = limits.maxParallelTrainingJobs();
        v.check(parallel >= 1 && parallel <= ResourceLimits.MAX_PARALLEL_TRAINING_JOBS,
                "resourceLimits.maxParallelTrainingJobs", parallel,
                "must be 1 to " + ResourceLimits.MAX_PARALLEL_TRAINING_JOBS + " (SageMaker's default quota)");
        if (jobs != null && jobs >= 1) {
            v.check(parallel <= jobs, "resourceLimits.maxParallelTrainingJobs", parallel,
                    "must not exceed maxNumberOfTrainingJobs " + jobs);
        }
        Duration runtime = limits.maxRuntime();
        v.check(runtime == null || (runtime.compareTo(ResourceLimits.MIN_RUNTIME) >= 0
                        && runtime.compareTo(ResourceLimits.MAX_RUNTIME) <= 0), "resourceLimits.maxRuntimeInSeconds",
                runtime == null ? null : runtime.toSeconds(), "must be " + ResourceLimits.MIN_RUNTIME.toSeconds() + " to "
                        + ResourceLimits.MAX_RUNTIME.toSeconds() + " seconds, or left unset");
    }

    private static void checkStrategy(Violations v, TuningStrategy strategy, HyperbandConfig hyperband, EarlyStopping earlyStopping) {
        if (strategy == TuningStrategy.HYPERBAND) {
            v.check(hyperband != null, "strategyConfig.hyperbandStrategyConfig", null,
                    "must be set for Hyperband: hyperband(minResource, maxResource), a resource being one objective value logged");
            v.check(earlyStopping == EarlyStopping.OFF, "trainingJobEarlyStoppingType", earlyStopping.wireName(),
                    "must be Off with Hyperband, which stops trials early itself");
        } else {
            v.check(hyperband == null, "strategyConfig.hyperbandStrategyConfig", hyperband,
                    "may only be set when the strategy is Hyperband (it is " + (strategy == null ? "unset" : strategy.wireName()) + ")");
        }
    }

    private static void checkCompletion(Violations v, CompletionCriteria completion) {
        Double target = completion.targetObjectiveValue();
        v.check(target == null || Double.isFinite(target), "tuningJobCompletionCriteria.targetObjectiveMetricValue",
                target, "must be a finite number");
        Integer notImproving = completion.maxJobsNotImproving();
        v.check(notImproving == null || notImproving >= CompletionCriteria.MIN_JOBS_NOT_IMPROVING,
                "tuningJobCompletionCriteria.bestObjectiveNotImproving.maxNumberOfTrainingJobsNotImproving", notImproving,
                "must be at least " + CompletionCriteria.MIN_JOBS_NOT_IMPROVING);
    }

    private static void checkWarmStart(Violations v, TuningJobName name, WarmStart warmStart) {
        if (warmStart == null) {
            return;
        }
        v.check(warmStart.type() != null, "warmStartConfig.warmStartType", null,
                "must be IdenticalDataAndAlgorithm or TransferLearning");
        int count = warmStart.parents().size();
        // A parent whose name did not parse is reported already, and missing from the list: do not count it again.
        boolean partsReported = v.list().stream().anyMatch(x -> x.field().startsWith("warmStartConfig.parentHyperParameterTuningJobs["));
        v.check(partsReported || count >= 1 && count <= WarmStart.MAX_PARENTS, "warmStartConfig.parentHyperParameterTuningJobs",
                count + " parents", "must name 1 to " + WarmStart.MAX_PARENTS + " earlier tuning jobs");
        Set<TuningJobName> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            TuningJobName parent = warmStart.parents().get(i);
            String field = "warmStartConfig.parentHyperParameterTuningJobs[" + i + "]";
            v.check(seen.add(parent), field, parent, "must be listed once");
            v.check(!parent.equals(name), field, parent, "must be an earlier tuning job, not this one");
        }
    }
}
