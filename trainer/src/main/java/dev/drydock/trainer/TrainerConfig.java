package dev.drydock.trainer;

import dev.drydock.trainer.contract.Hyperparameters;
import dev.drydock.trainer.contract.TrainingException;
import dev.drydock.trainer.preprocess.Imputation;
import dev.drydock.trainer.tuning.SearchSpace;
import dev.drydock.trainer.tuning.Strategy;
import dev.drydock.trainer.tuning.XGBoostParameter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The trainer's hyperparameters, decoded and checked. Every value is a string in {@code hyperparameters.json};
 * unknown names are an error that lists the known ones.
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
 * <tr><td>log_target</td><td>true</td><td>learn log(target): squared error becomes RMSLE</td></tr>
 * <tr><td>holdout_fraction</td><td>0.25</td><td>rows held out (seeded) to score the final model; 0: none</td></tr>
 * <tr><td>holdout_ids</td><td></td><td>{@code CHANNEL/FILE} under {@code input/data}: ids of the held-out rows,
 *     one a line (replaces the seeded split)</td></tr>
 * <tr><td>early_stopping_rounds</td><td>50</td><td>patience of {@code halving}'s early stopping</td></tr>
 * <tr><td>threads</td><td>all processors</td><td>CPU threads to use</td></tr>
 * <tr><td>tree_method</td><td>hist</td><td>XGBoost's tree method</td></tr>
 * <tr><td>imputation</td><td>native</td><td>{@code native} (XGBoost routes missing values), {@code median},
 *     {@code zero}</td></tr>
 * <tr><td>max_levels</td><td>50</td><td>one-hot levels kept per categorical column</td></tr>
 * <tr><td>n_estimators, learning_rate, max_depth, min_child_weight, gamma, subsample, colsample_bytree,
 *     colsample_bylevel, reg_lambda, reg_alpha</td><td>see {@link XGBoostParameter}</td><td>lists of values to
 *     search, {@code [3,4,5]} or {@code 3,4,5}</td></tr>
 * </table>
 *
 * @param target target column
 * @param idColumn id column
 * @param strategy search strategy
 * @param samples n_samples
 * @param maxTrials max_trials
 * @param folds folds
 * @param seed seed
 * @param logTarget log_target
 * @param holdoutFraction holdout_fraction
 * @param holdoutIds holdout_ids, if given
 * @param earlyStoppingRounds early_stopping_rounds
 * @param threads threads
 * @param treeMethod tree_method
 * @param imputation imputation
 * @param maxLevels max_levels
 * @param space the search space
 */
public record TrainerConfig(String target, String idColumn, Strategy strategy, int samples, int maxTrials, int folds,
        long seed, boolean logTarget, double holdoutFraction, Optional<String> holdoutIds, int earlyStoppingRounds,
        int threads, String treeMethod, Imputation imputation, int maxLevels, SearchSpace space) {

    private static final Set<String> OWN = Set.of("target", "id_column", "strategy", "n_samples", "max_trials",
            "folds", "seed", "log_target", "holdout_fraction", "holdout_ids", "early_stopping_rounds", "threads",
            "tree_method", "imputation", "max_levels");
    private static final Set<String> TREE_METHODS = Set.of("hist", "approx", "exact");

    /** @return every hyperparameter name the trainer knows */
    public static Set<String> knownNames() {
        Set<String> names = new TreeSet<>(OWN);
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
        Strategy strategy;
        try {
            strategy = Strategy.parse(hp.string("strategy", "halving"));
        } catch (IllegalArgumentException e) {
            throw new TrainingException("hyperparameter " + e.getMessage());
        }
        Imputation imputation;
        try {
            imputation = Imputation.parse(hp.string("imputation", "native"));
        } catch (IllegalArgumentException e) {
            throw new TrainingException("hyperparameter imputation=\"" + hp.string("imputation", "")
                    + "\" is unknown; use native, median or zero");
        }
        String treeMethod = hp.string("tree_method", "hist");
        if (!TREE_METHODS.contains(treeMethod)) {
            throw new TrainingException("hyperparameter tree_method=\"" + treeMethod + "\" is unknown; use one of "
                    + new TreeSet<>(TREE_METHODS));
        }
        Map<XGBoostParameter, List<Double>> lists = new EnumMap<>(XGBoostParameter.class);
        for (XGBoostParameter p : XGBoostParameter.values()) {
            lists.put(p, hp.numbers(p.hyperparameter(), p.defaults()));
        }
        TrainerConfig config = new TrainerConfig(hp.string("target", "SalePrice"), hp.string("id_column", "Id"),
                strategy, hp.integer("n_samples", 60), hp.integer("max_trials", 0), hp.integer("folds", 5),
                hp.integer("seed", 0), hp.bool("log_target", true), hp.number("holdout_fraction", 0.25),
                hp.string("holdout_ids"), hp.integer("early_stopping_rounds", 50),
                hp.integer("threads", Runtime.getRuntime().availableProcessors()), treeMethod, imputation,
                hp.integer("max_levels", 50), SearchSpace.of(lists));
        config.check();
        return config;
    }

    private void check() {
        require(samples >= 1, "n_samples must be at least 1, got " + samples);
        require(maxTrials >= 0, "max_trials must be 0 (no limit) or more, got " + maxTrials);
        require(folds >= 2, "folds must be at least 2, got " + folds);
        require(holdoutFraction >= 0 && holdoutFraction < 1, "holdout_fraction must be in [0, 1), got " + holdoutFraction);
        require(earlyStoppingRounds >= 0, "early_stopping_rounds must be 0 or more, got " + earlyStoppingRounds);
        require(threads >= 1, "threads must be at least 1, got " + threads);
        require(maxLevels >= 1, "max_levels must be at least 1, got " + maxLevels);
        space.size();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new TrainingException("hyperparameter " + message);
        }
    }
}
