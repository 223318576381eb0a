package dev.drydock.trainer.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void format_whenValues_matchesDocumentedFormat() {
        String line = new ProgressLine(12, 810, 0.1301, 12.34, 40.06).format();

        assertThat(line).isEqualTo("progress trial=12/810 best_cv_rmsle=0.130100 elapsed_s=12.3 eta_s=40.1");
        assertThat(ProgressLine.PATTERN.matcher(line).matches()).isTrue();
    }

    @Test
    void parse_whenFormatted_roundTrips() {
        ProgressLine line = new ProgressLine(3, 9, 0.125, 1.5, 3.0);

        assertThat(ProgressLine.parse(line.format())).contains(line);
    }

    @Test
    void parse_whenOtherLine_isEmpty() {
        assertThat(ProgressLine.parse("cv_rmsle=0.1")).isEmpty();
    }

    @Test
    void metricLine_whenFormatted_matchesItsRegex() {
        assertThat(MetricLine.format("cv_rmsle", 0.1234567)).isEqualTo("cv_rmsle=0.123457")
                .matches(".*" + MetricLine.regexFor("cv_rmsle") + ".*");
    }
}
