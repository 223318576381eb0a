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
 * validation error is known after every round and early stopping can act on the mean (as {@code xgb.cv} does),
 * not on single folds.
 */
final class CrossValidator {
    private static final String[] NAMES = {"valid"};

    private CrossValidator() {
    }

    /**
     * @param folds this worker's fold matrices
     * @param params XGBoost-native parameters, with {@code eval_metric} set to the one metric to track
     * @param maxRounds rounds to boost at most
     * @param patience stop when the mean error has not improved for this many rounds; 0 never stops early
     * @param abandon polled every round: a stop request abandons the fit at once (SIGTERM leaves 120 s)
     * @return the mean validation error after each round, or {@code null} when abandoned
     */
    static CvCurve evaluate(FoldMatrices folds, Map<String, Object> params, int maxRounds, int patience,
            BooleanSupplier abandon) throws XGBoostError {
        int k = folds.count();
        Booster[] boosters = new Booster[k];
        try {
            for (int f = 0; f < k; f++) {
                // Zero rounds: a booster whose prediction cache already holds the validation matrix.
                boosters[f] = XGBoost.train(folds.training[f], params, 0, Map.of(NAMES[0], folds.validation[f]),
                        null, null);
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
                    boosters[f].evalSet(new DMatrix[] {folds.validation[f]}, NAMES, round, metric);
                    sum += metric[0];
                }
                curve[round] = sum / k;
                done = round + 1;
                if (curve[round] < curve[best]) {
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
