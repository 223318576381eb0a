package dev.drydock.trainer.tuning;

import java.util.Arrays;
import java.util.Map;
import java.util.function.BooleanSupplier;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Cross-validates one configuration: one booster per fold, boosted in lockstep round by round so that the mean
 * validation score is known after every round and early stopping can act on the mean (as {@code xgb.cv} does),
 * not on single folds.
 */
final class CrossValidator {
    private static final String[] NAMES = {"valid"};

    private CrossValidator() {
    }

    /**
     * @param folds this worker's fold matrices
     * @param params XGBoost-native parameters, with {@code eval_metric} set to the score's XGBoost metric, if any
     * @param score how a fold is scored: by XGBoost's metric, or from the predictions for one it lacks
     * @param maxRounds rounds to boost at most
     * @param patience stop when the mean score has not improved for this many rounds; 0 never stops early
     * @param abandon polled every round: a stop request abandons the fit at once (SIGTERM leaves 120 s)
     * @return the mean validation score after each round, or {@code null} when abandoned
     */
    static CvCurve evaluate(FoldMatrices folds, Map<String, Object> params, FoldScore score, int maxRounds,
            int patience, BooleanSupplier abandon) throws XGBoostError {
        int k = folds.count();
        Booster[] boosters = new Booster[k];
        try {
            for (int f = 0; f < k; f++) {
                // Zero rounds: a booster whose prediction cache already holds the validation matrix.
                boosters[f] = XGBoost.train(folds.training[f], params, 0, Map.of(NAMES[0], folds.validation[f]),
                        null, null);
            }
            boolean natively = score.xgboostMetric().isPresent();
            float[][] labels = new float[k][];
            if (!natively) {
                for (int f = 0; f < k; f++) {
                    labels[f] = folds.validation[f].getLabel();
                }
            }
            double[] curve = new double[maxRounds];
            float[] metric = new float[1];
            int best = 0;
            int done = 0;
            for (int round = 0; round < maxRounds; round++) {
                if (abandon.getAsBoolean()) {
                    return null;
                }
                double sum = 0;
                for (int f = 0; f < k; f++) {
                    boosters[f].update(folds.training[f], round);
                    if (natively) {
                        boosters[f].evalSet(new DMatrix[] {folds.validation[f]}, NAMES, round, metric);
                        sum += score.fromXgboost(metric[0]);
                    } else {
                        // The validation matrix is in the booster's prediction cache: this adds only the new tree.
                        sum += score.score(labels[f], boosters[f].predict(folds.validation[f]));
                    }
                }
                curve[round] = sum / k;
                done = round + 1;
                if (score.direction().isBetter(curve[round], curve[best])) {
                    best = round;
                }
                if (patience > 0 && round - best >= patience) {
                    break;
                }
            }
            return new CvCurve(Arrays.copyOf(curve, done));
        } finally {
            for (Booster b : boosters) {
                if (b != null) {
                    b.dispose();
                }
            }
        }
    }
}
