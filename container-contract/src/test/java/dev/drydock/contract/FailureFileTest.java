package dev.drydock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureFileTest {
    @TempDir
    Path dir;

    @Test
    void write_whenTrainingException_writesItsMessageAlone() throws Exception {
        Path file = dir.resolve("output/failure");

        FailureFile.write(file, new TrainingException("target column \"Price\" is missing", new RuntimeException("x")));

        assertThat(Files.readString(file)).isEqualTo("target column \"Price\" is missing\n");
    }

    @Test
    void write_whenUnexpectedError_namesTypeAndMessageWithoutStackTrace() throws Exception {
        Path file = dir.resolve("failure");

        FailureFile.write(file, new IllegalStateException("boom"));

        assertThat(Files.readString(file)).isEqualTo(
                "internal error: java.lang.IllegalStateException: boom (the stack trace is in the job's log)\n");
    }

    @Test
    void reason_isTheFirstParagraphOnOneLine() {
        assertThat(FailureFile.reason("\nbad value in row 3\nof train.csv\n\ndetail that stays in the log"))
                .isEqualTo("bad value in row 3 of train.csv");
    }

    @Test
    void reason_stopsAtAJavaOrPythonStackTrace() {
        assertThat(FailureFile.reason("java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:3)\n\tat x.Y.z(Y.java:1)"))
                .isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(FailureFile.reason("ValueError: bad\n  File \"train.py\", line 3, in <module>"))
                .isEqualTo("ValueError: bad");
    }

    @Test
    void reason_whenLong_isItsFirst1024CharactersAsSageMakerShows() {
        String text = "word ".repeat(400);

        assertThat(FailureFile.reason(text)).isEqualTo(text.substring(0, FailureFile.MAX_REASON));
    }

    @Test
    void readReason_whenFileHugeOrAbsentOrBlank_isBoundedOrEmpty() throws Exception {
        Path huge = Files.writeString(dir.resolve("huge"), "x".repeat(10_000_000));
        Path blank = Files.writeString(dir.resolve("blank"), "\n \n");

        assertThat(FailureFile.readReason(huge).orElseThrow()).hasSize(FailureFile.MAX_REASON);
        assertThat(FailureFile.readReason(dir.resolve("absent"))).isEmpty();
        assertThat(FailureFile.readReason(blank)).isEmpty();
    }
}
