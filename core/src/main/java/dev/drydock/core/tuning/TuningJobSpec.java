package dev.drydock.core.tuning;

import dev.drydock.core.error.Violations;
import dev.drydock.core.model.Hyperparameters;
import dev.drydock.core.model.MetricDefinition;
import dev.drydock.core.model.TrainingJobSpec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A tuning job: SageMaker's {@code CreateHyperParameterTuningJob} request in drydock's terms. Each trial is a training
 * job made from {@link #trainingTemplate()} (its hyperparameters are the static ones) with the tuned hyperparameters
 * added, named {@code <tuning-job>-NNN-<hash>}.
 *
 * <p>Validated whole against SageMaker's documented limits, so that a tuning job accepted locally is not refused in the
 * cloud; every problem is reported together, naming field, value and fix. Build one with {@link #builder()}.
 *
 * @param name             the tuning job's name
 * @param strategy         how hyperparameters are chosen
 * @param hyperband        Hyperband's resources (only with {@link TuningStrategy#HYPERBAND}), or {@code null}
 * @param objective        the metric to optimise, one of the template's metric definitions
 * @param ranges           the searched hyperparameters, 1 to {@value #MAX_RANGES}
 * @param limits           trials, parallel trials, runtime
 * @param earlyStopping    whether poor trials are stopped early
 * @param completion       when to end early (never {@code null}; {@link CompletionCriteria#none()})
 * @param warmStart        parents seeding the search, or {@code null}
 * @param randomSeed       the seed of the tuner's draws (at least 0), or {@code null} for a fresh one
 * @param trainingTemplate the training job definition: image, channels, resources, metrics, static hyperparameters
 */
public record TuningJobSpec(
        TuningJobName name,
        TuningStrategy strategy,
        HyperbandConfig hyperband,
        Objective objective,
        List<ParameterRange> ranges,
        ResourceLimits limits,
        EarlyStopping earlyStopping,
        CompletionCriteria completion,
        WarmStart warmStart,
        Integer randomSeed,
        TrainingJobSpec trainingTemplate) {

    /** The most hyperparameters SageMaker searches in one tuning job (all ranges together). */
    public static final int MAX_RANGES = 30;

    /** Validates the whole spec, reporting every problem at once. */
    public TuningJobSpec {
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
        earlyStopping = earlyStopping == null ? EarlyStopping.OFF : earlyStopping;
        completion = completion == null ? CompletionCriteria.none() : completion;
        Violations v = new Violations();
        TuningSpecRules.validate(v, name, strategy, hyperband, objective, ranges, limits, earlyStopping, completion,
                warmStart, randomSeed, trainingTemplate);
        v.throwIfAny();
    }

    /** A builder; {@link Builder#build()} validates everything at once. */
    public static Builder builder() {
        return new Builder();
    }

    /** The static hyperparameters: the template's, passed unchanged to every trial. */
    public Hyperparameters staticHyperparameters() {
        return trainingTemplate.hyperparameters();
    }

    /** The metric definition of the objective. */
    public MetricDefinition objectiveDefinition() {
        return trainingTemplate.metricDefinitions().stream().filter(m -> m.name().equals(objective.metricName()))
                .findFirst().orElseThrow();
    }

    /** How many trials run at most: the limit, or for a Grid search without one the size of the grid. */
    public int maxTrials() {
        if (strategy == TuningStrategy.GRID) {
            int grid = gridSize();
            return limits.maxTrainingJobs() == null ? grid : Math.min(grid, limits.maxTrainingJobs());
        }
        return limits.maxTrainingJobs();
    }

    /** The number of combinations of the categorical ranges. */
    public int gridSize() {
        long size = 1;
        for (ParameterRange range : ranges) {
            if (range instanceof CategoricalRange c) {
                size = Math.min(Integer.MAX_VALUE, size * c.values().size());
            }
        }
        return (int) size;
    }

    /** The warm start, if any. */
    public Optional<WarmStart> warmStartIfAny() {
        return Optional.ofNullable(warmStart);
    }

    /**
     * The spec's identity for "the same tuning job submitted again" (a retry, or a resume after its process died): the
     * hex SHA-256 of every field, the template by its own fingerprint.
     */
    public String fingerprint() {
        String canonical = String.join("\n", String.valueOf(name), String.valueOf(strategy), String.valueOf(hyperband),
                String.valueOf(objective), ranges.toString(), String.valueOf(limits), String.valueOf(earlyStopping),
                String.valueOf(completion), String.valueOf(warmStart), String.valueOf(randomSeed),
                trainingTemplate.fingerprint());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Builds a {@link TuningJobSpec}; collects every problem of every part and throws once in {@link #build()}. */
    public static final class Builder {
        private String name;
        private TuningStrategy strategy = TuningStrategy.BAYESIAN;
        private Supplier<HyperbandConfig> hyperband;
        private Supplier<Objective> objective;
        private final List<Supplier<ParameterRange>> ranges = new ArrayList<>();
        private Integer maxTrainingJobs;
        private int maxParallelTrainingJobs = 1;
        private Duration maxRuntime;
        private EarlyStopping earlyStopping = EarlyStopping.OFF;
        private CompletionCriteria completion = CompletionCriteria.none();
        private final List<String> parents = new ArrayList<>();
        private WarmStartType warmStartType;
        private Integer randomSeed;
        private TrainingJobSpec trainingTemplate;

        private Builder() {
        }

        /** The tuning job's name (at most 32 characters). */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** The strategy; Bayesian unless set. */
        public Builder strategy(TuningStrategy value) {
            this.strategy = value;
            return this;
        }

        /** Hyperband's resources (with strategy Hyperband). */
        public Builder hyperband(int minResource, int maxResource) {
            this.hyperband = () -> new HyperbandConfig(minResource, maxResource);
            return this;
        }

        /** Minimise {@code metricName}. */
        public Builder minimize(String metricName) {
            this.objective = () -> Objective.minimize(metricName);
            return this;
        }

        /** Maximise {@code metricName}. */
        public Builder maximize(String metricName) {
            this.objective = () -> Objective.maximize(metricName);
            return this;
        }

        /** The objective. */
        public Builder objective(Objective value) {
            this.objective = () -> value;
            return this;
        }

        /** Searches {@code name} over real values from {@code min} to {@code max}. */
        public Builder continuous(String name, double min, double max, ScalingType scaling) {
            ranges.add(() -> new ContinuousRange(name, min, max, scaling));
            return this;
        }

        /** Searches {@code name} over the integers from {@code min} to {@code max}. */
        public Builder integer(String name, long min, long max, ScalingType scaling) {
            ranges.add(() -> new IntegerRange(name, min, max, scaling));
            return this;
        }

        /** Searches {@code name} over {@code values}. */
        public Builder categorical(String name, List<String> values) {
            ranges.add(() -> new CategoricalRange(name, values));
            return this;
        }

        /** Adds a range built elsewhere. */
        public Builder range(ParameterRange value) {
            ranges.add(() -> value);
            return this;
        }

        /** The most trials (optional for Grid). */
        public Builder maxTrainingJobs(int value) {
            this.maxTrainingJobs = value;
            return this;
        }

        /** The most trials at once; 1 unless set. */
        public Builder maxParallelTrainingJobs(int value) {
            this.maxParallelTrainingJobs = value;
            return this;
        }

        /** The longest the tuning job runs. */
        public Builder maxRuntime(Duration value) {
            this.maxRuntime = value;
            return this;
        }

        /** Early stopping; Off unless set. */
        public Builder earlyStopping(EarlyStopping value) {
            this.earlyStopping = value;
            return this;
        }

        /** The completion criteria. */
        public Builder completion(CompletionCriteria value) {
            this.completion = value;
            return this;
        }

        /** Seeds the search with the results of {@code parentNames}. */
        public Builder warmStart(WarmStartType type, List<String> parentNames) {
            this.warmStartType = type;
            this.parents.clear();
            this.parents.addAll(parentNames);
            return this;
        }

        /** The tuner's seed. */
        public Builder randomSeed(int value) {
            this.randomSeed = value;
            return this;
        }

        /** The training job definition every trial is made from; its hyperparameters are the static ones. */
        public Builder trainingTemplate(TrainingJobSpec value) {
            this.trainingTemplate = value;
            return this;
        }

        /** Whether a name was given. */
        public boolean hasName() {
            return name != null;
        }

        /** The name given, if any (the workflow names the template after it). */
        public Optional<String> nameIfAny() {
            return Optional.ofNullable(name);
        }

        /**
         * The validated spec.
         *
         * @throws dev.drydock.core.error.InvalidInputException listing every problem
         */
        public TuningJobSpec build() {
            Violations v = new Violations();
            TuningJobName tuningName = v.collect("", () -> TuningJobName.of(name));
            HyperbandConfig hb = hyperband == null ? null : v.collect("strategyConfig.hyperbandStrategyConfig", hyperband);
            Objective obj = objective == null ? null : v.collect("objective", objective);
            List<ParameterRange> built = new ArrayList<>();
            for (int i = 0; i < ranges.size(); i++) {
                ParameterRange r = v.collect("parameterRanges[" + i + "]", ranges.get(i));
                if (r != null) {
                    built.add(r);
                }
            }
            List<TuningJobName> parentNames = new ArrayList<>();
            for (int i = 0; i < parents.size(); i++) {
                int index = i;
                TuningJobName p = v.collect("warmStartConfig.parentHyperParameterTuningJobs[" + i + "]", () -> TuningJobName.of(parents.get(index)));
                if (p != null) {
                    parentNames.add(p);
                }
            }
            WarmStart warm = warmStartType == null && parents.isEmpty() ? null : new WarmStart(parentNames, warmStartType);
            ResourceLimits limits = new ResourceLimits(maxTrainingJobs, maxParallelTrainingJobs, maxRuntime);
            if (!v.isEmpty()) {
                // Check the rest too, so that every problem is reported at once.
                TuningSpecRules.validate(v, tuningName, strategy, hb, obj, built, limits, earlyStopping, completion,
                        warm, randomSeed, trainingTemplate);
                v.throwIfAny();
            }
            return new TuningJobSpec(tuningName, strategy, hb, obj, built, limits, earlyStopping, completion, warm,
                    randomSeed, trainingTemplate);
        }
    }

    /** The names of the template's metric definitions, for messages. */
    static String metricNames(TrainingJobSpec template) {
        return template.metricDefinitions().stream().map(MetricDefinition::name).collect(Collectors.joining(", "));
    }

    /** Names that appear in more than one range. */
    static Set<String> duplicateNames(List<ParameterRange> ranges) {
        Set<String> seen = new HashSet<>();
        Set<String> twice = new HashSet<>();
        ranges.forEach(r -> {
            if (!seen.add(r.name())) {
                twice.add(r.name());
            }
        });
        return twice;
    }
}
