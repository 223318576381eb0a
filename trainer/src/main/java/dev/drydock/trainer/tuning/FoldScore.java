package dev.drydock.trainer.tuning;

import dev.drydock.trainer.objective.Direction;
import java.util.Optional;

/**
 * How cross-validation scores a fold's validation rows after each boosting round: by a metric XGBoost computes
 * natively (cheap: from its prediction cache), or, for a metric it lacks, from the predictions in Java.
 */
public interface FoldScore {
    /** @return the metric's name in log lines and files ({@code rmsle}: {@code cv_rmsle}) */
    String name();

    /** @return whether lower or higher is better */
    Direction direction();

    /** @return the objective's XGBoost parameters: {@code objective}, {@code eval_metric} and its own ones */
    java.util.Map<String, Object> nativeParams();

    /** @return XGBoost's {@code eval_metric} whose value (through {@link #fromXgboost}) is the score, if it has one */
    Optional<String> xgboostMetric();

    /**
     * @param value what XGBoost's {@link #xgboostMetric()} computed
     * @return the score (e.g. accuracy from XGBoost's error rate)
     */
    double fromXgboost(double value);

    /**
     * The score computed in Java, used when there is no {@link #xgboostMetric()}.
     *
     * @param labels the validation rows' labels, as the model learnt them
     * @param predictions XGBoost's predictions for those rows
     * @return the score
     */
    double score(float[] labels, float[][] predictions);

    /**
     * @param xgboostMetric a lower-is-better XGBoost metric, such as {@code rmse}
     * @return a score that is that metric, under its own name
     */
    static FoldScore xgboost(String xgboostMetric) {
        return new NativeScore(xgboostMetric);
    }

    /** A lower-is-better metric XGBoost computes. */
    record NativeScore(String metric) implements FoldScore {
        @Override
        public String name() {
            return metric;
        }

        @Override
        public java.util.Map<String, Object> nativeParams() {
            return java.util.Map.of("objective", "reg:squarederror", "eval_metric", metric);
        }

        @Override
        public Direction direction() {
            return Direction.LOWER_IS_BETTER;
        }

        @Override
        public Optional<String> xgboostMetric() {
            return Optional.of(metric);
        }

        @Override
        public double fromXgboost(double value) {
            return value;
        }

        @Override
        public double score(float[] labels, float[][] predictions) {
            throw new UnsupportedOperationException("XGBoost computes " + metric);
        }
    }
}
