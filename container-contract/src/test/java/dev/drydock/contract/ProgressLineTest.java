package dev.drydock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void format_writesTheStableForm() {
        String line = new ProgressLine(12, 810, "cv_rmsle", 0.1301, 12.34, 40.06).format();

        assertThat(line).isEqualTo("progress trial=12/810 best_cv_rmsle=0.130100 elapsed_s=12.3 eta_s=40.1");
        assertThat(ProgressLine.PATTERN.matcher(line).matches()).isTrue();
    }

    @Test
    void parse_readsWhatFormatWrites() {
        ProgressLine line = new ProgressLine(3, 9, "auc", 0.125, 1.5, 3.0);

        assertThat(ProgressLine.parse(line.format())).contains(line);
        assertThat(ProgressLine.parse("progress trial=0/9 best_auc=NaN elapsed_s=0.0 eta_s=0.0").orElseThrow().best())
                .isNaN();
    }

    @Test
    void parse_whenNotAProgressLine_isEmpty() {
        assertThat(ProgressLine.parse("cv_rmsle=0.1")).isEmpty();
    }
}
