package dev.drydock.trainer.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each metric against a computation by hand on a few rows. */
class EvalMetricTest {
    private static final double TOLERANCE = 1e-12;

    private static Predictions binary(double[] actual, double[] probability) {
        return new Predictions(actual, probability, null, 2);
    }

    @Test
    void rmsle_whenTwoRows_isRootMeanSquaredLogRatio() {
        double expected = Math.sqrt((Math.pow(Math.log(100.0 / 110), 2) + Math.pow(Math.log(1000.0 / 900), 2)) / 2);

        double rmsle = EvalMetric.RMSLE.compute(Predictions.regression(new double[] {100, 1000}, new double[] {110, 900}));

        assertThat(rmsle).isCloseTo(expected, within(TOLERANCE)).isCloseTo(0.1004611, within(1e-6));
    }

    @Test
    void maeAndRmse_whenErrorsOneZeroTwo_areMeanAbsoluteAndRootMeanSquare() {
        Predictions p = Predictions.regression(new double[] {1, 2, 3}, new double[] {2, 2, 5});

        assertThat(EvalMetric.MAE.compute(p)).isCloseTo(1.0, within(TOLERANCE));
        assertThat(EvalMetric.RMSE.compute(p)).isCloseTo(Math.sqrt(5.0 / 3), within(TOLERANCE));
    }

    @Test
    void mae_whenWeighted_weighsEachRow() {
        Predictions p = new Predictions(new double[] {1, 2, 3}, new double[] {2, 2, 5}, new double[] {1, 1, 2}, 1);

        assertThat(EvalMetric.MAE.compute(p)).isCloseTo((1 + 0 + 2 * 2) / 4.0, within(TOLERANCE));
    }

    @Test
    void tweedieNloglik_whenPowerOneAndAHalf_isXgboostsFormula() {
        // y=2, mu=1: -(2 * 1 / -0.5) + 1 / 0.5 = 6; y=0, mu=4: 0 + 4^0.5 / 0.5 = 4.
        Predictions p = Predictions.regression(new double[] {2, 0}, new double[] {1, 4});

        assertThat(EvalMetric.TWEEDIE_NLOGLIK.compute(p, 1.5)).isCloseTo(5.0, within(TOLERANCE));
    }

    @Test
    void auc_whenOneTieAcrossClasses_countsItHalf() {
        // Positives score 0.9, 0.4, 0.2; negatives 0.8, 0.4, 0.1. Pairs won: 3 + (0 + 0.5 + 1) + 1 = 5.5 of 9.
        Predictions p = binary(new double[] {1, 0, 1, 0, 1, 0}, new double[] {0.9, 0.8, 0.4, 0.4, 0.2, 0.1});

        assertThat(EvalMetric.AUC.compute(p)).isCloseTo(5.5 / 9, within(TOLERANCE));
    }

    @Test
    void auc_whenPerfectlyInverted_isZero() {
        Predictions p = binary(new double[] {1, 1, 0}, new double[] {0.1, 0.2, 0.9});

        assertThat(EvalMetric.AUC.compute(p)).isZero();
    }

    @Test
    void logloss_whenThreeRows_isMeanNegativeLogOfTrueClass() {
        Predictions p = binary(new double[] {1, 0, 1}, new double[] {0.8, 0.3, 0.6});

        assertThat(EvalMetric.LOGLOSS.compute(p))
                .isCloseTo(-(Math.log(0.8) + Math.log(0.7) + Math.log(0.6)) / 3, within(TOLERANCE));
    }

    @Test
    void logloss_whenCertainAndWrong_isClippedNotInfinite() {
        Predictions p = binary(new double[] {1}, new double[] {0});

        assertThat(EvalMetric.LOGLOSS.compute(p)).isCloseTo(-Math.log(1e-15), within(1e-9));
    }

    @Test
    void accuracyAndF1_whenBinary_countAtThresholdOneHalf() {
        // Predicted classes 1, 0, 1, 0 (0.5 is not above the threshold), 1: TP 2, FP 1, FN 1, TN 1.
        Predictions p = binary(new double[] {1, 0, 0, 1, 1}, new double[] {0.8, 0.3, 0.6, 0.5, 0.9});

        assertThat(EvalMetric.ACCURACY.compute(p)).isCloseTo(3.0 / 5, within(TOLERANCE));
        assertThat(EvalMetric.F1.compute(p)).isCloseTo(2.0 * 2 / (2 * 2 + 1 + 1), within(TOLERANCE));
    }

    @Test
    void f1_whenNoPositiveAnywhere_isZero() {
        Predictions p = binary(new double[] {0, 0}, new double[] {0.1, 0.2});

        assertThat(EvalMetric.F1.compute(p)).isZero();
    }

    @Test
    void mloglossAndAccuracy_whenThreeClasses_useTheTrueClassAndTheArgmax() {
        Predictions p = new Predictions(new double[] {0, 2, 1},
                new double[] {0.7, 0.2, 0.1, 0.1, 0.3, 0.6, 0.5, 0.4, 0.1}, null, 3);

        assertThat(EvalMetric.MLOGLOSS.compute(p))
                .isCloseTo(-(Math.log(0.7) + Math.log(0.6) + Math.log(0.4)) / 3, within(TOLERANCE));
        assertThat(EvalMetric.ACCURACY.compute(p)).isCloseTo(2.0 / 3, within(TOLERANCE));
    }

    @Test
    void direction_whenHigherIsBetter_ranksTheLargerFirst() {
        assertThat(EvalMetric.AUC.direction().isBetter(0.9, 0.8)).isTrue();
        assertThat(EvalMetric.LOGLOSS.direction().isBetter(0.9, 0.8)).isFalse();
        assertThat(Direction.HIGHER_IS_BETTER.isBetter(0.1, Double.NaN)).isTrue();
    }

    @Test
    void parse_whenHyphenated_findsTheMetric() {
        assertThat(EvalMetric.parse("tweedie-nloglik")).contains(EvalMetric.TWEEDIE_NLOGLIK);
        assertThat(EvalMetric.parse("AUC")).contains(EvalMetric.AUC);
        assertThat(EvalMetric.parse("ndcg")).isEmpty();
    }
}
