package dev.drydock.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.contract.Hyperparameters;
import dev.drydock.contract.TrainingException;
import dev.drydock.trainer.objective.EvalMetric;
import dev.drydock.trainer.objective.Objective;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainerConfigTest {
    private static TrainerConfig from(String... pairs) {
        Map<String, String> hp = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            hp.put(pairs[i], pairs[i + 1]);
        }
        return TrainerConfig.from(Hyperparameters.of(hp));
    }

    @Test
    void builder_whenOutOfRange_checkedAtBuildLikeHyperparameters() {
        assertThatThrownBy(() -> TrainerConfig.builder().folds(1).build()).isInstanceOf(TrainingException.class)
                .hasMessageContaining("folds must be between 2 and 100, got 1");
        assertThat(TrainerConfig.builder().folds(3).seed(7).build().folds()).isEqualTo(3);
    }

    @Test
    void from_whenBoundsExceeded_namesTheBound() {
        assertThatThrownBy(() -> from("folds", "1000")).hasMessageContaining("between 2 and 100, got 1000");
        assertThatThrownBy(() -> from("n_samples", "2000000000")).hasMessageContaining("between 1 and 100000");
        assertThatThrownBy(() -> from("max_levels", "1000000")).hasMessageContaining("between 1 and 10000");
        assertThatThrownBy(() -> from("max_depth", "100")).hasMessageContaining("<= 32, got 100");
        assertThatThrownBy(() -> from("n_estimators", "[1,2,3,4,5,6,7,8,9,10]", "max_depth", "[1,2,3,4,5,6,7,8,9,10]",
                "min_child_weight", "[1,2,3,4,5,6,7,8,9,10]", "gamma", "[1,2,3,4,5,6,7,8,9,10]",
                "subsample", "[0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1]"))
                .hasMessageContaining("has 200000 configurations; at most 100000").hasMessageContaining("n_samples");
    }

    @Test
    void from_whenJavaHeap_acceptsXmxSizesOnly() {
        assertThat(from("java_heap", "4G").javaHeap()).contains("4g");
        assertThat(from("java_heap", "512m").javaHeap()).contains("512m");
        assertThatThrownBy(() -> from("java_heap", "4gigs")).hasMessageContaining("java_heap=\"4gigs\" must be a heap size");
        assertThatThrownBy(() -> from("java_heap", "64m")).hasMessageContaining("at least 128m");
    }

    @Test
    void from_whenInputSources_keepsCommasInsidePaths() {
        assertThat(from("input_sources", "training=/a,b/t.csv,validation=/v.csv").inputSources())
                .containsExactly(Map.entry("training", "/a,b/t.csv"), Map.entry("validation", "/v.csv"));
        assertThatThrownBy(() -> from("input_sources", "/just/a/path")).hasMessageContaining("CHANNEL=PATH");
    }

    @Test
    void from_whenNoObjective_keepsTheHousePricesDefault() {
        TrainerConfig config = from();

        assertThat(config.objective().objective()).isEqualTo(Objective.SQUARED_ERROR);
        assertThat(config.objective().metric()).isEqualTo(EvalMetric.RMSLE);
        assertThat(config.logTarget()).isTrue();
    }

    @Test
    void from_whenObjectiveNamed_metricFollowsIt() {
        assertThat(from("objective", "binary:logistic").objective().metric()).isEqualTo(EvalMetric.LOGLOSS);
        assertThat(from("objective", "binary:logistic").logTarget()).isFalse();
        assertThat(from("objective", "multi:softprob").objective().metric()).isEqualTo(EvalMetric.MLOGLOSS);
        assertThat(from("objective", "reg:tweedie").objective().metric()).isEqualTo(EvalMetric.TWEEDIE_NLOGLIK);
        assertThat(from("objective", "reg:absoluteerror").objective().metric()).isEqualTo(EvalMetric.MAE);
        assertThat(from("log_target", "false").objective().metric()).isEqualTo(EvalMetric.RMSE);
        assertThat(from("objective", "binary:logistic", "eval_metric", "f1").objective().metric())
                .isEqualTo(EvalMetric.F1);
    }

    @Test
    void from_whenCombinationDoesNotApply_namesTheHyperparameterValueAndFix() {
        assertThatThrownBy(() -> from("eval_metric", "auc")).isInstanceOf(TrainingException.class)
                .hasMessageContaining("eval_metric=auc does not apply to objective=reg:squarederror")
                .hasMessageContaining("use one of rmsle, rmse, mae").hasMessageContaining("binary:logistic");
        assertThatThrownBy(() -> from("objective", "binary:logistic", "log_target", "true"))
                .hasMessageContaining("log_target=true does not apply to objective=binary:logistic");
        assertThatThrownBy(() -> from("objective", "multi:softmax"))
                .hasMessageContaining("objective=\"multi:softmax\" is unknown").hasMessageContaining("multi:softprob");
        assertThatThrownBy(() -> from("eval_metric", "ndcg")).hasMessageContaining("eval_metric=\"ndcg\" is unknown");
        assertThatThrownBy(() -> from("scale_pos_weight", "3"))
                .hasMessageContaining("scale_pos_weight applies only to objective=binary:logistic");
        assertThatThrownBy(() -> from("objective", "binary:logistic", "scale_pos_weight", "-1"))
                .hasMessageContaining("must be a positive number");
        assertThatThrownBy(() -> from("objective", "reg:tweedie", "tweedie_variance_power", "2.5"))
                .hasMessageContaining("between 1 and 2");
        assertThatThrownBy(() -> from("class_weights", "balanced")).hasMessageContaining("applies only to classifiers");
        assertThatThrownBy(() -> from("objective", "binary:logistic", "class_weights", "even"))
                .hasMessageContaining("class_weights=\"even\" is unknown; use balanced");
        assertThatThrownBy(() -> from("objective", "multi:softprob", "num_class", "2"))
                .hasMessageContaining("two classes are objective=binary:logistic");
    }

    @Test
    void problem_whenSubmitterChecks_seesTheSameMessage() {
        assertThat(HyperparameterCheck.problem(Map.of("objective", "binary:logistic", "eval_metric", "rmsle")))
                .hasValueSatisfying(m -> assertThat(m).contains("eval_metric=rmsle does not apply"));
        assertThat(HyperparameterCheck.problem(Map.of("objective", "multi:softprob", "eval_metric", "accuracy")))
                .isEmpty();
    }
}
