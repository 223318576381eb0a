package dev.drydock.trainer.tuning;

import java.util.Map;
import java.util.Objects;

/**
 * How to tune.
 *
 * @param strategy the search strategy
 * @param folds the number of cross-validation folds
 * @param seed the seed of the folds, the sampling and XGBoost's subsampling
 * @param samples configurations drawn by {@link Strategy#RANDOM}
 * @param maxTrials at most this many configurations are considered (a seeded sample of the space); 0 for all
 * @param earlyStoppingRounds patience of early stopping in {@link Strategy#HALVING}; 0 disables it
 * @param threads the CPU threads to use in total
 * @param gammaScale factor applied to {@code gamma} (see {@link XGBoostParameter})
 * @param treeMethod XGBoost's {@code tree_method}
 * @param score how a fold is scored, and the objective's XGBoost parameters
 * @param nativeExtras XGBoost-native parameters every fit gets besides the searched ones
 */
public record TuningOptions(Strategy strategy, int folds, long seed, int samples, int maxTrials,
        int earlyStoppingRounds, int threads, double gammaScale, String treeMethod, FoldScore score,
        Map<String, Object> nativeExtras) {
    /**
     * Options scored by a lower-is-better XGBoost metric ({@code rmse} on a log target is the RMSLE), without extra
     * native parameters.
     *
     * @see TuningOptions the record's parameters
     */
    public TuningOptions(Strategy strategy, int folds, long seed, int samples, int maxTrials, int earlyStoppingRounds,
            int threads, double gammaScale, String treeMethod, String evalMetric) {
        this(strategy, folds, seed, samples, maxTrials, earlyStoppingRounds, threads, gammaScale, treeMethod,
                FoldScore.xgboost(evalMetric), Map.of());
    }

    /**
     * Options scored by {@code score}, without extra native parameters.
     *
     * @see TuningOptions the record's parameters
     */
    public TuningOptions(Strategy strategy, int folds, long seed, int samples, int maxTrials, int earlyStoppingRounds,
            int threads, double gammaScale, String treeMethod, FoldScore score) {
        this(strategy, folds, seed, samples, maxTrials, earlyStoppingRounds, threads, gammaScale, treeMethod, score,
                Map.of());
    }

    /**
     * @param extras XGBoost-native parameters every fit gets besides the searched ones (e.g. {@code booster},
     *     {@code objective}), overriding the defaults
     * @return these options with those extras
     */
    public TuningOptions withNativeExtras(Map<String, Object> extras) {
        return new TuningOptions(strategy, folds, seed, samples, maxTrials, earlyStoppingRounds, threads, gammaScale,
                treeMethod, score, extras);
    }

    /** Validates. */
    public TuningOptions {
        nativeExtras = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(nativeExtras));
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(treeMethod, "treeMethod");
        Objects.requireNonNull(score, "score");
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2, got " + folds);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("n_samples must be at least 1, got " + samples);
        }
        if (maxTrials < 0) {
            throw new IllegalArgumentException("max_trials must be 0 (no limit) or more, got " + maxTrials);
        }
        if (earlyStoppingRounds < 0) {
            throw new IllegalArgumentException("early_stopping_rounds must be 0 or more, got " + earlyStoppingRounds);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }
}
