package dev.drydock.trainer.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.trainer.objective.Direction;
import dev.drydock.trainer.tuning.ParamSet;
import dev.drydock.trainer.tuning.Strategy;
import dev.drydock.trainer.tuning.Trial;
import dev.drydock.trainer.tuning.TuningResult;
import dev.drydock.trainer.tuning.XGBoostParameter;
import java.util.List;
import java.util.Map;
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
}
