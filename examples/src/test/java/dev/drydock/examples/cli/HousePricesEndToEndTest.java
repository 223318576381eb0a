package dev.drydock.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The README's first command, CI-sized: {@code drydock train --quick} on the child-process backend with the real
 * trainer, then {@code describe}, {@code logs} and {@code jobs} on the finished job from the same home folder.
 */
class HousePricesEndToEndTest {
    @TempDir
    Path home;

    @Test
    void train_whenQuick_leavesModelReportAndSubmissionAndPrintsSummary() throws IOException {
        ConsoleCapture r = ConsoleCapture.run("train", "--quick", "--no-logs", "--home", home.toString());

        assertThat(r.exitCode).as(r.err).isZero();
        assertThat(r.out).contains("Summary", "CV RMSLE", "hold-out RMSLE", "best parameters", "submission");
        List<String> submission = Files.readAllLines(home.resolve("submission.csv"));
        assertThat(submission).hasSize(1460);
        assertThat(submission.get(0)).isEqualTo("Id,SalePrice");
        assertThat(submission.get(1)).startsWith("1461,");
        double firstPrice = Double.parseDouble(submission.get(1).split(",")[1]);
        assertThat(firstPrice).isBetween(50_000.0, 300_000.0);

        Path modelDir = onlyChild(home.resolve("models")).resolve("model");
        JsonNode metrics = new ObjectMapper().readTree(modelDir.resolve("metrics.json").toFile());
        // Golden quality with a tolerance: even the quick search is near the reference's 0.1432 hold-out RMSLE.
        assertThat(metrics.path("holdout_rmsle").asDouble()).isCloseTo(0.135, within(0.03));
        try (Stream<Path> files = Files.walk(home.resolve("models"))) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("tuning-report.html");
        }

        String job = onlyChild(home.resolve("models")).getFileName().toString();
        ConsoleCapture describe = ConsoleCapture.run("describe", "--home", home.toString(), job);
        assertThat(describe.out).contains("Completed", "cv_rmsle", "holdout_rmsle", "model.tar.gz");
        ConsoleCapture logs = ConsoleCapture.run("logs", "--home", home.toString(), job);
        assertThat(logs.out).contains("[algo-1] cv_rmsle=");
        ConsoleCapture jobs = ConsoleCapture.run("jobs", "--home", home.toString());
        assertThat(jobs.out).contains(job).contains("Completed");
    }

    private static Path onlyChild(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> all = children.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
