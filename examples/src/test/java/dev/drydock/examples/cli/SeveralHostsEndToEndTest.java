package dev.drydock.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.testkit.TarGzFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code drydock train --quick --instance-count N} on the child-process backend with the real trainer: the hosts
 * meet at the job's tracker on 127.0.0.1, share the work, and the job's {@code model.tar.gz} holds exactly one model.
 */
class SeveralHostsEndToEndTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @CsvSource({"2, trials", "3, rows"})
    void train_whenSeveralHosts_oneModelOfOneHostsQualityFromTheLeader(int hosts, String distribution) throws IOException {
        ConsoleCapture r = ConsoleCapture.run("train", "--quick", "--no-logs", "--home", home.toString(),
                "--instance-count", String.valueOf(hosts), "--hyperparameter", "distribution=" + distribution,
                "--hyperparameter", "threads=1");

        assertThat(r.exitCode).as(r.out + r.err).isZero();
        assertThat(Files.readAllLines(home.resolve("submission.csv"))).hasSize(1460);
        Path archive;
        try (Stream<Path> files = Files.walk(home)) {
            List<Path> archives = files.filter(p -> p.getFileName().toString().equals("model.tar.gz")).toList();
            assertThat(archives).hasSize(1);
            archive = archives.get(0);
        }
        Map<String, byte[]> entries = TarGzFixtures.read(archive);
        assertThat(entries.keySet()).filteredOn(name -> name.endsWith(".ubj") || name.endsWith(".json")
                && name.contains("model")).hasSizeLessThanOrEqualTo(2);
        assertThat(entries.keySet()).filteredOn(name -> name.contains("metrics.json")).hasSize(1);
        JsonNode metrics = new ObjectMapper().readTree(entries.get(entries.keySet().stream()
                .filter(n -> n.contains("metrics.json")).findFirst().orElseThrow()));
        // The one-host quick search scores 0.135 (HousePricesEndToEndTest); N hosts must not be worse.
        assertThat(metrics.path("holdout_rmsle").asDouble()).isCloseTo(0.135, within(0.03));

        String job = onlyChild(home.resolve("models")).getFileName().toString();
        ConsoleCapture logs = ConsoleCapture.run("logs", "--home", home.toString(), job);
        assertThat(logs.out).contains("[algo-1] cv_rmsle=").doesNotContain("[algo-2] cv_rmsle=")
                .contains("[algo-2] distributed: algo-2 joined the collective of " + hosts + " hosts at the tracker 127.0.0.1:");
        assertThat(logs.out.split("\\[algo-1\\] cv_rmsle=", -1)).as("cv_rmsle printed once").hasSize(2);
    }

    private static Path onlyChild(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> all = children.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
