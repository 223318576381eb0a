package dev.drydock.examples.progress;

import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobOutcome;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.LogEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressDisplayTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private static LogEvent line(String message) {
        return new LogEvent(Instant.now(), "algo-1", message);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onLog_whenNotATerminal_printsPlainProgressLinesWithoutEscapes() {
        ProgressDisplay display = new ProgressDisplay(Terminal.plain(out), true);

        display.onLog(line("progress trial=1/4 best_cv_rmsle=0.150000 elapsed_s=1.0 eta_s=3.0"));
        display.onLog(line("progress trial=2/4 best_cv_rmsle=0.140000 elapsed_s=2.0 eta_s=2.0"));
        display.onLog(line("progress trial=4/4 best_cv_rmsle=0.130000 elapsed_s=4.0 eta_s=0.0"));
        display.onLog(line("cv_rmsle=0.13"));

        assertThat(printed()).doesNotContain("\r").doesNotContain("\033");
        assertThat(printed()).contains("1/4 trials", "best CV RMSLE 0.1500");
        assertThat(printed()).doesNotContain("2/4 trials"); // plain output is rate limited
        assertThat(printed()).contains("4/4 trials", "best CV RMSLE 0.1300", "[algo-1] cv_rmsle=0.13");
        assertThat(display.lastProgress()).hasValueSatisfying(p -> assertThat(p.trial()).isEqualTo(4));
    }

    @Test
    void onLog_whenTerminal_redrawsTheBarInPlace() {
        ProgressDisplay display = new ProgressDisplay(new Terminal(out, true, 120), false);

        display.onLog(line("progress trial=1/2 best_cv_rmsle=0.150000 elapsed_s=1.0 eta_s=1.0"));
        display.onLog(line("progress trial=2/2 best_cv_rmsle=0.140000 elapsed_s=2.0 eta_s=0.0"));
        display.onLog(line("a log line that is hidden"));

        assertThat(printed()).contains("\r\033[2K").contains("2/2 trials").doesNotContain("hidden");
    }

    @Test
    void onEnded_whenFailed_leavesTheReasonToTheFinalErrorLine() {
        ProgressDisplay display = new ProgressDisplay(Terminal.plain(out), true);
        JobDescription failed = JobDescription.builder(JobName.of("j")).state(JobState.FAILED).failureReason("no target column").build();

        display.onEnded(JobOutcome.of(failed));

        assertThat(printed()).contains("Failed (the reason follows)").doesNotContain("no target column");
    }

    @Test
    void onStatusTransition_whenFailed_showsTheStatusWithoutRepeatingTheReason() {
        ProgressDisplay display = new ProgressDisplay(Terminal.plain(out), true);
        JobDescription failed = JobDescription.builder(JobName.of("j")).state(JobState.FAILED).failureReason("no target column").build();

        display.onStatusTransition(failed, new dev.drydock.core.model.StatusTransition(
                dev.drydock.core.model.SecondaryStatus.FAILED, java.time.Instant.now(), null,
                "Training job failed. Reason: no target column"));

        assertThat(printed()).contains("Failed - Training job failed").doesNotContain("no target column");
    }

    @Test
    void render_whenHalfDone_fillsHalfTheCells() {
        assertThat(ProgressBar.render(5, 10, 10)).isEqualTo("[#####.....]");
        assertThat(ProgressBar.render(0, 0, 4)).isEqualTo("[....]");
        assertThat(ProgressBar.duration(75)).isEqualTo("1m15s");
        assertThat(ProgressBar.duration(3720)).isEqualTo("1h02m");
    }
}
