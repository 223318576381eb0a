package dev.drydock.trainer;

import dev.drydock.contract.Hyperparameters;
import dev.drydock.contract.TrainingException;
import dev.drydock.trainer.objective.ObjectiveOptions;
import dev.drydock.trainer.preprocess.DerivedColumn;
import dev.drydock.trainer.preprocess.FeatureEngineering;
import dev.drydock.trainer.preprocess.Imputation;
import dev.drydock.trainer.tuning.SearchSpace;
import dev.drydock.trainer.tuning.Strategy;
import dev.drydock.trainer.tuning.XGBoostParameter;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trainer's hyperparameters, decoded and checked once. Every value is a string in {@code hyperparameters.json};
 * unknown names are an error that lists the known ones. Built by name ({@link #builder()}), never by position:
 * {@link Builder#build()} is the one place the rules are checked, for {@link #from} and for code alike.
 *
 * <table>
 * <caption>Hyperparameters</caption>
 * <tr><th>name</th><th>default</th><th>meaning</th></tr>
 * <tr><td>target</td><td>SalePrice</td><td>target column</td></tr>
 * <tr><td>id_column</td><td>Id</td><td>id column, not a feature; the key of a submission</td></tr>
 * <tr><td>strategy</td><td>halving</td><td>{@code grid}, {@code random} or {@code halving}</td></tr>
 * <tr><td>n_samples</td><td>60</td><td>configurations drawn by {@code random}</td></tr>
 * <tr><td>max_trials</td><td>0</td><td>at most this many configurations (a seeded sample); 0: all. For CI-sized
 *     runs</td></tr>
 * <tr><td>folds</td><td>5</td><td>cross-validation folds</td></tr>
 * <tr><td>seed</td><td>0</td><td>seed of folds, sampling, hold-out split and XGBoost</td></tr>
 * <tr><td>objective</td><td>reg:squarederror</td><td>{@code reg:squarederror}, {@code reg:absoluteerror},
 *     {@code reg:tweedie}, {@code binary:logistic}, {@code multi:softprob} (see {@link ObjectiveOptions})</td></tr>
 * <tr><td>eval_metric</td><td>follows the objective</td><td>the metric that ranks trials, stops early and is
 *     reported as {@code cv_NAME}: rmsle, rmse, mae, tweedie_nloglik, auc, logloss, accuracy, f1, mlogloss</td></tr>
 * <tr><td>tweedie_variance_power, scale_pos_weight, class_weights, num_class</td><td>1.5, 1, none,
 *     inferred</td><td>see {@link ObjectiveOptions}</td></tr>
 * <tr><td>log_target</td><td>true for reg:squarederror</td><td>learn log(target): squared error becomes
 *     RMSLE</td></tr>
 * <tr><td>holdout_fraction</td><td>0.25</td><td>rows held out (seeded) to score the final model; 0: none</td></tr>
 * <tr><td>holdout_ids</td><td></td><td>{@code CHANNEL/FILE} under {@code input/data}: ids of the held-out rows,
 *     one a line (replaces the seeded split)</td></tr>
 * <tr><td>early_stopping_rounds</td><td>50</td><td>patience of {@code halving}'s early stopping</td></tr>
 * <tr><td>threads</td><td>all processors</td><td>CPU threads to use</td></tr>
 * <tr><td>tree_method</td><td>hist</td><td>XGBoost's tree method</td></tr>
 * <tr><td>imputation</td><td>native</td><td>{@code native} (XGBoost routes missing values), {@code median},
 *     {@code zero}</td></tr>
 * <tr><td>max_levels</td><td>50</td><td>one-hot levels kept per categorical column</td></tr>
 * <tr><td>sum_features</td><td></td><td>totals to add as features, {@code NAME:COLUMN+COLUMN[+...]} separated by
 *     commas, e.g. {@code TotalSF:TotalBsmtSF+1stFlrSF+2ndFlrSF}; a missing term counts as 0</td></tr>
 * <tr><td>age_features</td><td></td><td>differences to add as features, {@code NAME:LATER-EARLIER} separated by
 *     commas, e.g. {@code HouseAge:YrSold-YearBuilt}</td></tr>
 * <tr><td>min_level_count</td><td>1</td><td>categorical levels seen on fewer training rows are merged into one
 *     {@code (rare)} level (counted inside each fold); 1: none merged</td></tr>
 * <tr><td>skew_threshold</td><td>0.75</td><td>numeric features more skewed than this (and never negative) are
 *     log1p-transformed for the linear model</td></tr>
 * <tr><td>input_sources</td><td></td><td>{@code CHANNEL=PATH,...}: the user's own paths of uploaded inputs, so
 *     that a data error names the user's file (set by drydock's clients)</td></tr>
 * <tr><td>java_heap</td><td>the JVM's default</td><td>the trainer's Java heap, e.g. {@code 4g}: the trainer runs
 *     itself again with {@code -Xmx4g}</td></tr>
 * <tr><td>n_estimators, learning_rate, max_depth, min_child_weight, gamma, subsample, colsample_bytree,
 *     colsample_bylevel, reg_lambda, reg_alpha</td><td>see {@link XGBoostParameter}</td><td>lists of values to
 *     search, {@code [3,4,5]} or {@code 3,4,5}</td></tr>
 * </table>
 */
public final class TrainerConfig {
    /** Upper bounds that keep a run within memory and time; each message says the bound and the fix. */
    static final int MAX_SAMPLES = 100_000;
    static final int MAX_TRIALS = 1_000_000;
    static final int MAX_FOLDS = 100;
    static final int MAX_PATIENCE = 100_000;
    static final int MAX_THREADS = 1024;
    static final int MAX_LEVELS = 10_000;
    static final int MAX_LEVEL_COUNT = 1_000_000;

    private static final Set<String> OWN = Set.of("target", "id_column", "strategy", "n_samples", "max_trials",
            "folds", "seed", "log_target", "holdout_fraction", "holdout_ids", "early_stopping_rounds", "threads",
            "tree_method", "imputation", "max_levels", "input_sources", "java_heap",
            "sum_features", "age_features", "min_level_count", "skew_threshold");
    // log_target, objective, eval_metric, ... : ObjectiveOptions.NAMES
    private static final Set<String> TREE_METHODS = Set.of("hist", "approx", "exact");
    private static final Pattern HEAP = Pattern.compile("(\\d{1,7})([mMgG])");

    private final String target;
    private final String idColumn;
    private final Strategy strategy;
    private final int samples;
    private final int maxTrials;
    private final int folds;
    private final long seed;
    private final ObjectiveOptions objective;
    private final double holdoutFraction;
    private final Optional<String> holdoutIds;
    private final int earlyStoppingRounds;
    private final int threads;
    private final String treeMethod;
    private final Imputation imputation;
    private final int maxLevels;
    private final FeatureEngineering engineering;
    private final Map<String, String> inputSources;
    private final Optional<String> javaHeap;
    private final SearchSpace space;

    private TrainerConfig(Builder b, SearchSpace space) {
        target = b.target;
        idColumn = b.idColumn;
        strategy = b.strategy;
        samples = b.samples;
        maxTrials = b.maxTrials;
        folds = b.folds;
        seed = b.seed;
        objective = b.objective;
        holdoutFraction = b.holdoutFraction;
        holdoutIds = Optional.ofNullable(b.holdoutIds);
        earlyStoppingRounds = b.earlyStoppingRounds;
        threads = b.threads;
        treeMethod = b.treeMethod;
        imputation = b.imputation;
        maxLevels = b.maxLevels;
        engineering = new FeatureEngineering(b.derived, b.minLevelCount, b.skewThreshold);
        inputSources = Collections.unmodifiableMap(new TreeMap<>(b.inputSources));
        javaHeap = Optional.ofNullable(b.javaHeap);
        this.space = space;
    }

    /** @return a builder with every default */
    public static Builder builder() {
        return new Builder();
    }

    /** @return every hyperparameter name the trainer knows */
    public static Set<String> knownNames() {
        Set<String> names = new TreeSet<>(OWN);
        names.addAll(ObjectiveOptions.NAMES);
        names.addAll(dev.drydock.trainer.distributed.DistributedOptions.NAMES);
        for (XGBoostParameter p : XGBoostParameter.values()) {
            names.add(p.hyperparameter());
        }
        return names;
    }

    /**
     * @param hp the job's hyperparameters
     * @return the configuration
     * @throws TrainingException for an unknown name or a malformed or out-of-range value
     */
    public static TrainerConfig from(Hyperparameters hp) {
        hp.requireOnly(knownNames());
        dev.drydock.trainer.distributed.DistributedOptions.from(hp); // checked here too, so a submitter sees it first
        Builder b = builder();
        hp.string("target").ifPresent(b::target);
        hp.string("id_column").ifPresent(b::idColumn);
        hp.string("strategy").ifPresent(v -> {
            try {
                b.strategy(Strategy.parse(v));
            } catch (IllegalArgumentException e) {
                throw new TrainingException("hyperparameter " + e.getMessage());
            }
        });
        hp.string("imputation").ifPresent(v -> {
            try {
                b.imputation(Imputation.parse(v));
            } catch (IllegalArgumentException e) {
                throw new TrainingException("hyperparameter imputation=\"" + v + "\" is unknown; use native, median or zero");
            }
        });
        hp.string("tree_method").ifPresent(b::treeMethod);
        hp.string("holdout_ids").ifPresent(b::holdoutIds);
        hp.string("java_heap").ifPresent(b::javaHeap);
        hp.string("input_sources").ifPresent(v -> b.inputSources(parseSources(v)));
        List<DerivedColumn> derived = new java.util.ArrayList<>();
        hp.string("sum_features").ifPresent(v -> derived.addAll(DerivedColumn.parse(DerivedColumn.Operation.SUM, v)));
        hp.string("age_features").ifPresent(v -> derived.addAll(DerivedColumn.parse(DerivedColumn.Operation.DIFFERENCE, v)));
        b.derived(derived);
        Map<XGBoostParameter, List<Double>> lists = new EnumMap<>(XGBoostParameter.class);
        for (XGBoostParameter p : XGBoostParameter.values()) {
            lists.put(p, hp.numbers(p.hyperparameter(), p.defaults()));
        }
        return b.samples(hp.integer("n_samples", b.samples))
                .maxTrials(hp.integer("max_trials", b.maxTrials))
                .folds(hp.integer("folds", b.folds))
                .seed(hp.integer("seed", 0))
                .objective(ObjectiveOptions.from(hp))
                .holdoutFraction(hp.number("holdout_fraction", b.holdoutFraction))
                .earlyStoppingRounds(hp.integer("early_stopping_rounds", b.earlyStoppingRounds))
                .threads(hp.integer("threads", b.threads))
                .maxLevels(hp.integer("max_levels", b.maxLevels))
                .minLevelCount(hp.integer("min_level_count", b.minLevelCount))
                .skewThreshold(hp.number("skew_threshold", b.skewThreshold))
                .space(lists)
                .build();
    }

    private static Map<String, String> parseSources(String raw) {
        Map<String, String> out = new TreeMap<>();
        // Split only at a comma that starts the next CHANNEL=: a comma inside a path stays in the path.
        for (String pair : raw.split(",(?=[A-Za-z0-9._-]+=)")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new TrainingException("hyperparameter input_sources=\"" + raw + "\" is malformed: expected"
                        + " CHANNEL=PATH pairs separated by commas, e.g. training=/home/me/train.csv");
            }
            out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return out;
    }

    /** @return target column */
    public String target() {
        return target;
    }

    /** @return id column */
    public String idColumn() {
        return idColumn;
    }

    /** @return search strategy */
    public Strategy strategy() {
        return strategy;
    }

    /** @return n_samples */
    public int samples() {
        return samples;
    }

    /** @return max_trials, 0 for all */
    public int maxTrials() {
        return maxTrials;
    }

    /** @return folds */
    public int folds() {
        return folds;
    }

    /** @return seed */
    public long seed() {
        return seed;
    }

    /** @return log_target (true by default for reg:squarederror only) */
    public boolean logTarget() {
        return objective.logTarget();
    }

    /** @return the objective, its metric and weights */
    public ObjectiveOptions objective() {
        return objective;
    }

    /** @return holdout_fraction */
    public double holdoutFraction() {
        return holdoutFraction;
    }

    /** @return holdout_ids, if given */
    public Optional<String> holdoutIds() {
        return holdoutIds;
    }

    /** @return early_stopping_rounds */
    public int earlyStoppingRounds() {
        return earlyStoppingRounds;
    }

    /** @return threads */
    public int threads() {
        return threads;
    }

    /** @return tree_method */
    public String treeMethod() {
        return treeMethod;
    }

    /** @return imputation */
    public Imputation imputation() {
        return imputation;
    }

    /** @return max_levels */
    public int maxLevels() {
        return maxLevels;
    }

    /** @return sum_features and age_features, min_level_count and skew_threshold */
    public FeatureEngineering engineering() {
        return engineering;
    }

    /** @return input_sources: channel to the user's own path, sorted by channel */
    public Map<String, String> inputSources() {
        return inputSources;
    }

    /** @return java_heap as an {@code -Xmx} value ({@code 4g}), if given */
    public Optional<String> javaHeap() {
        return javaHeap;
    }

    /** @return the search space */
    public SearchSpace space() {
        return space;
    }

    /** Sets the configuration by name; {@link #build()} checks every rule once. */
    public static final class Builder {
        private String target = "SalePrice";
        private String idColumn = "Id";
        private Strategy strategy = Strategy.HALVING;
        private int samples = 60;
        private int maxTrials = 0;
        private int folds = 5;
        private long seed = 0;
        private ObjectiveOptions objective = ObjectiveOptions.defaults();
        private double holdoutFraction = 0.25;
        private String holdoutIds;
        private int earlyStoppingRounds = 50;
        private int threads = Runtime.getRuntime().availableProcessors();
        private String treeMethod = "hist";
        private Imputation imputation = Imputation.NATIVE;
        private int maxLevels = 50;
        private List<DerivedColumn> derived = List.of();
        private int minLevelCount = 1;
        private double skewThreshold = FeatureEngineering.DEFAULT_SKEW_THRESHOLD;
        private Map<String, String> inputSources = Map.of();
        private String javaHeap;
        private Map<XGBoostParameter, List<Double>> space = Map.of();

        private Builder() {
        }

        /** @param v target column @return this */
        public Builder target(String v) {
            target = Objects.requireNonNull(v, "target");
            return this;
        }

        /** @param v id column @return this */
        public Builder idColumn(String v) {
            idColumn = Objects.requireNonNull(v, "idColumn");
            return this;
        }

        /** @param v strategy @return this */
        public Builder strategy(Strategy v) {
            strategy = Objects.requireNonNull(v, "strategy");
            return this;
        }

        /** @param v n_samples @return this */
        public Builder samples(int v) {
            samples = v;
            return this;
        }

        /** @param v max_trials @return this */
        public Builder maxTrials(int v) {
            maxTrials = v;
            return this;
        }

        /** @param v folds @return this */
        public Builder folds(int v) {
            folds = v;
            return this;
        }

        /** @param v seed @return this */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** @param v the objective, its metric, log_target and weights @return this */
        public Builder objective(ObjectiveOptions v) {
            objective = Objects.requireNonNull(v, "objective");
            return this;
        }

        /** @param v holdout_fraction @return this */
        public Builder holdoutFraction(double v) {
            holdoutFraction = v;
            return this;
        }

        /** @param v holdout_ids ({@code CHANNEL/FILE}) @return this */
        public Builder holdoutIds(String v) {
            holdoutIds = v;
            return this;
        }

        /** @param v early_stopping_rounds @return this */
        public Builder earlyStoppingRounds(int v) {
            earlyStoppingRounds = v;
            return this;
        }

        /** @param v threads @return this */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /** @param v tree_method @return this */
        public Builder treeMethod(String v) {
            treeMethod = Objects.requireNonNull(v, "treeMethod");
            return this;
        }

        /** @param v imputation @return this */
        public Builder imputation(Imputation v) {
            imputation = Objects.requireNonNull(v, "imputation");
            return this;
        }

        /** @param v max_levels @return this */
        public Builder maxLevels(int v) {
            maxLevels = v;
            return this;
        }

        /** @param v the derived columns of sum_features and age_features @return this */
        public Builder derived(List<DerivedColumn> v) {
            derived = List.copyOf(v);
            return this;
        }

        /** @param v min_level_count @return this */
        public Builder minLevelCount(int v) {
            minLevelCount = v;
            return this;
        }

        /** @param v skew_threshold @return this */
        public Builder skewThreshold(double v) {
            skewThreshold = v;
            return this;
        }

        /** @param v channel to the user's path @return this */
        public Builder inputSources(Map<String, String> v) {
            inputSources = Map.copyOf(v);
            return this;
        }

        /** @param v java_heap, e.g. {@code 4g} @return this */
        public Builder javaHeap(String v) {
            javaHeap = v;
            return this;
        }

        /** @param v values per searched parameter (absent ones take their defaults) @return this */
        public Builder space(Map<XGBoostParameter, List<Double>> v) {
            space = Map.copyOf(v);
            return this;
        }

        /**
         * @return the configuration
         * @throws TrainingException naming the first hyperparameter out of its range, the bound and the fix
         */
        public TrainerConfig build() {
            require(samples >= 1 && samples <= MAX_SAMPLES, "n_samples must be between 1 and " + MAX_SAMPLES + ", got "
                    + samples);
            require(maxTrials >= 0 && maxTrials <= MAX_TRIALS, "max_trials must be 0 (no limit) or up to " + MAX_TRIALS
                    + ", got " + maxTrials);
            require(folds >= 2 && folds <= MAX_FOLDS, "folds must be between 2 and " + MAX_FOLDS + ", got " + folds);
            require(holdoutFraction >= 0 && holdoutFraction < 1, "holdout_fraction must be in [0, 1), got "
                    + holdoutFraction);
            require(earlyStoppingRounds >= 0 && earlyStoppingRounds <= MAX_PATIENCE, "early_stopping_rounds must be"
                    + " between 0 (never stop early) and " + MAX_PATIENCE + ", got " + earlyStoppingRounds);
            require(threads >= 1 && threads <= MAX_THREADS, "threads must be between 1 and " + MAX_THREADS + ", got "
                    + threads);
            require(maxLevels >= 1 && maxLevels <= MAX_LEVELS, "max_levels must be between 1 and " + MAX_LEVELS
                    + ", got " + maxLevels + " (each level is a feature column held for every row)");
            require(minLevelCount >= 1 && minLevelCount <= MAX_LEVEL_COUNT, "min_level_count must be between 1 (merge"
                    + " no level) and " + MAX_LEVEL_COUNT + ", got " + minLevelCount);
            require(skewThreshold >= 0 && skewThreshold <= 1e6, "skew_threshold must be a number between 0 (log every"
                    + " non-negative numeric feature) and 1e6 (log none), got " + skewThreshold);
            Set<String> derivedNames = new java.util.HashSet<>();
            for (DerivedColumn d : derived) {
                require(derivedNames.add(d.name()), d.operation().hyperparameter() + " declares the column " + d.name()
                        + " that sum_features or age_features already declares: give each new column its own name");
            }
            require(TREE_METHODS.contains(treeMethod), "tree_method=\"" + treeMethod + "\" is unknown; use one of "
                    + new TreeSet<>(TREE_METHODS));
            if (javaHeap != null) {
                Matcher m = HEAP.matcher(javaHeap.trim());
                long mib = m.matches() ? Long.parseLong(m.group(1)) * (m.group(2).equalsIgnoreCase("g") ? 1024 : 1) : -1;
                require(mib >= 128, "java_heap=\"" + javaHeap + "\" must be a heap size of at least 128m, as -Xmx"
                        + " takes it: e.g. 512m or 4g");
                javaHeap = javaHeap.trim().toLowerCase(java.util.Locale.ROOT);
            }
            SearchSpace searchSpace = SearchSpace.of(space);
            searchSpace.size();
            return new TrainerConfig(this, searchSpace);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new TrainingException("hyperparameter " + message);
            }
        }
    }
}
