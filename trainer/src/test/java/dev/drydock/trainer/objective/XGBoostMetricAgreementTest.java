package dev.drydock.trainer.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cross-validation lets XGBoost compute a metric where it has it, and the hold-out is scored in Java: both must be
 * the same number, for every metric XGBoost computes.
 */
class XGBoostMetricAgreementTest {
    private static final int ROWS = 300;
    private static final int COLUMNS = 3;

    @ParameterizedTest
    @CsvSource({"reg:squarederror,rmsle,true,1", "reg:squarederror,rmse,false,1", "reg:absoluteerror,mae,false,1",
        "reg:tweedie,tweedie_nloglik,false,1", "binary:logistic,auc,false,2", "binary:logistic,logloss,false,2",
        "binary:logistic,accuracy,false,2", "multi:softprob,mlogloss,false,3", "multi:softprob,accuracy,false,3"})
    void score_whenXgboostHasTheMetric_javaComputesTheSameValue(String objective, String metric, boolean logTarget,
            int classes) throws XGBoostError {
        Task task = new Task(new ObjectiveOptions(Objective.parse(objective).orElseThrow(),
                EvalMetric.parse(metric).orElseThrow(), logTarget, 1.5, 1, ClassWeights.NONE, 0),
                classes == 1 ? List.of() : java.util.stream.IntStream.range(0, classes).mapToObj(Integer::toString).toList());
        Random random = new Random(5);
        float[] x = new float[ROWS * COLUMNS];
        float[] labels = new float[ROWS];
        double[] actual = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            for (int c = 0; c < COLUMNS; c++) {
                x[i * COLUMNS + c] = (float) random.nextGaussian();
            }
            double signal = x[i * COLUMNS] + 0.5 * x[i * COLUMNS + 1] + random.nextGaussian() * 0.7;
            actual[i] = classes == 1 ? (objective.equals("reg:tweedie") && signal < 0 ? 0 : Math.exp(signal) * 10)
                    : classes == 2 ? (signal > 0 ? 1 : 0) : (signal < -0.5 ? 0 : signal < 0.5 ? 1 : 2);
            labels[i] = (float) (logTarget ? Math.log(actual[i]) : actual[i]);
        }
        DMatrix matrix = new DMatrix(x, ROWS, COLUMNS, Float.NaN);
        matrix.setLabel(labels);
        Map<String, Object> params = new HashMap<>(task.nativeParams());
        params.put("max_depth", 3);
        params.put("seed", 0);
        params.put("nthread", 1);
        params.put("verbosity", 0);
        Booster booster = XGBoost.train(matrix, params, 5, Map.of(), null, null);
        try {
            float[] native1 = new float[1];
            booster.evalSet(new DMatrix[] {matrix}, new String[] {"train"}, 4, native1);
            // Labels as XGBoost sees them (float): the Java side scores the same rounded values.
            double[] seen = new double[ROWS];
            for (int i = 0; i < ROWS; i++) {
                seen[i] = logTarget ? Math.exp(labels[i]) : labels[i];
            }
            double java = task.score(task.predictions(seen, booster.predict(matrix)));

            assertThat(task.xgboostMetric()).isPresent();
            assertThat(java).as("%s by Java vs XGBoost's %s", metric, task.xgboostMetric().get())
                    .isCloseTo(task.fromXgboost(native1[0]), within(2e-4 * Math.max(1, Math.abs(java))));
        } finally {
            booster.dispose();
            matrix.dispose();
        }
    }
}
