package dev.drydock.trainer.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.trainer.objective.ClassWeights;
import dev.drydock.trainer.objective.Direction;
import dev.drydock.trainer.objective.EvalMetric;
import dev.drydock.trainer.objective.Objective;
import dev.drydock.trainer.objective.ObjectiveOptions;
import dev.drydock.trainer.objective.Predictions;
import dev.drydock.trainer.objective.Task;
import dev.drydock.trainer.testing.XhtmlPage;
import dev.drydock.trainer.tuning.ParamSet;
import dev.drydock.trainer.tuning.Strategy;
import dev.drydock.trainer.tuning.Trial;
import dev.drydock.trainer.tuning.TuningResult;
import dev.drydock.trainer.tuning.XGBoostParameter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TuningReportTest {
    private static Trial trial(int n, double depth, double score, double at) {
        return new Trial(n, new ParamSet(Map.of(XGBoostParameter.MAX_DEPTH, depth, XGBoostParameter.N_ESTIMATORS, 100.0)),
                score, 0, 0.1, at);
    }

    @Test
    void render_whenParameterVaried_drawsOverTimeAndPerParameterCharts() {
        List<Trial> trials = List.of(trial(1, 3, 0.14, 1), trial(2, 4, 0.13, 2), trial(3, 5, 0.15, 3));
        TuningResult result = new TuningResult(Strategy.GRID, trials, trials.get(1), 3, false, 3.0, "rmsle",
                Direction.LOWER_IS_BETTER);

        String html = TuningReport.render(result, Map.of("best CV RMSLE", "0.13000 <b>"));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("best CV RMSLE over time")
                .contains("<title>max_depth</title>").doesNotContain("<title>n_estimators</title>")
                .contains("0.13000 &lt;b&gt;").doesNotContain("<script");
        assertThat(html.split("<svg", -1)).hasSize(3);
    }

    private static TuningResult result() {
        List<Trial> trials = List.of(trial(1, 3, 0.14, 1), trial(2, 4, 0.13, 2), trial(3, 5, 0.15, 3));
        return new TuningResult(Strategy.GRID, trials, trials.get(1), 3, false, 3.0, "rmsle", Direction.LOWER_IS_BETTER);
    }

    private static Task task(Objective objective, EvalMetric metric, List<String> classes) {
        return new Task(new ObjectiveOptions(objective, metric, false, 1.5, 1, ClassWeights.NONE, 0), classes);
    }

    @Test
    void render_whenBinaryClassifier_wellFormedWithImportanceRocAndConfusion() {
        // Rows: (actual, p(yes)): (1, .9) (0, .8) (1, .4) (0, .3) (1, .7): predicted yes, yes, no, no, yes.
        Predictions holdout = new Predictions(new double[] {1, 0, 1, 0, 1}, new double[] {0.9, 0.8, 0.4, 0.3, 0.7},
                null, 2);
        ModelReport model = new ModelReport(task(Objective.BINARY_LOGISTIC, EvalMetric.AUC, List.of("no", "yes")),
                Map.of("Usage", 12.5, "Plan=basic <x>", 3.0), Optional.of(holdout));

        XhtmlPage page = XhtmlPage.parse(TuningReport.render(result(), Map.of("k", "v"), model));

        assertThat(page.sectionIds()).containsSubsequence("search", "feature-importance", "roc-curve",
                "confusion-matrix").doesNotContain("residuals");
        assertThat(page.svgTitles()).contains("feature importance (gain)", "ROC curve (hold-out), positive class yes");
        // true no: predicted no 1, yes 1; true yes: predicted no 1, yes 2.
        assertThat(page.table("confusion")).containsExactly(List.of("true \\ predicted", "no", "yes"),
                List.of("no", "1", "1"), List.of("yes", "1", "2"));
    }

    @Test
    void render_whenRegression_wellFormedWithResidualsAndNoClassSections() {
        Predictions holdout = Predictions.regression(new double[] {100, 200, 300}, new double[] {110, 190, 330});
        ModelReport model = new ModelReport(task(Objective.SQUARED_ERROR, EvalMetric.RMSE, List.of()),
                Map.of("Area", 1.0), Optional.of(holdout));

        XhtmlPage page = XhtmlPage.parse(TuningReport.render(result(), Map.of(), model));

        assertThat(page.sectionIds()).contains("feature-importance", "residuals").doesNotContain("roc-curve",
                "confusion-matrix");
        assertThat(page.svgTitles()).contains("residuals against predictions (hold-out)");
    }

    @Test
    void render_whenMulticlassWithoutHoldout_saysWhyTheHoldoutSectionsAreMissing() {
        ModelReport model = new ModelReport(task(Objective.MULTI_SOFTPROB, EvalMetric.MLOGLOSS, List.of("a", "b", "c")),
                Map.of(), Optional.empty());

        String html = TuningReport.render(result(), Map.of(), model);

        assertThat(XhtmlPage.parse(html).sectionIds()).doesNotContain("confusion-matrix");
        assertThat(html).contains("set holdout_fraction above 0").contains("The model made no split.");
    }
}
