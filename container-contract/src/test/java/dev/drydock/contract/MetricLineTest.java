package dev.drydock.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricLineTest {
    @Test
    void format_writesNameEqualsValueWithSixDecimals() {
        assertThat(MetricLine.format("cv_rmsle", 0.1234567)).isEqualTo("cv_rmsle=0.123457");
    }

    @Test
    void regexFor_matchesTheMetricLineOnly_notProgressOrProseLinesThatContainIt() {
        Pattern regex = Pattern.compile(MetricLine.regexFor("cv_rmsle"));
        List<String> log = List.of(
                new ProgressLine(1, 9, "cv_rmsle", 0.2, 1.0, 8.0).format(),
                "trial 1: cv_rmsle=0.20000 rung=0",
                "best: {max_depth=3} cv_rmsle=0.131094",
                "holdout_rmsle=0.128138",
                MetricLine.format("cv_rmsle", 0.131094));

        List<String> values = log.stream().map(regex::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();

        // SageMaker applies the regex with a search, as find() does: exactly one point per value.
        assertThat(values).containsExactly("0.131094");
    }

    @Test
    void parse_readsWhatFormatWrites() {
        assertThat(MetricLine.parse("loss=-1.5e-3")).contains(new MetricLine("loss", -1.5e-3));
        assertThat(MetricLine.parse("progress trial=1/2 best_loss=0.1 elapsed_s=1.0 eta_s=1.0")).isEmpty();
    }

    @Test
    void constructor_whenNameOrValueInvalid_refuses() {
        assertThatThrownBy(() -> MetricLine.format("cv rmsle", 1)).hasMessageContaining("must match");
        assertThatThrownBy(() -> MetricLine.format("x", Double.NaN)).hasMessageContaining("finite");
    }
}
