package dev.drydock.trainer.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.trainer.TabularTrainer;
import dev.drydock.contract.ContainerRunner;
import dev.drydock.contract.TrainingEnvironment;
import dev.drydock.trainer.output.ModelFiles;
import dev.drydock.trainer.testing.MlTree;
import dev.drydock.trainer.testing.SyntheticHouses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer on several hosts in one JVM, one thread per host (each with its own {@code /opt/ml} tree and
 * {@code resourceconfig.json}), against the same trainer on one host.
 */
class DistributedTrainingTest {
    private static final Map<String, String> SMALL = Map.of("max_trials", "6", "folds", "3", "n_estimators", "90",
            "threads", "1");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void trials_whenTwoHosts_sameSearchAndModelAsOneHostAndOnlyTheLeaderWrites() throws Exception {
        String data = SyntheticHouses.csv(240, 5, true);
        Run one = run(1, Map.of(), "FullyReplicated", host -> Map.of("houses.csv", data));
        Run two = run(2, Map.of("distribution", "trials"), "FullyReplicated", host -> Map.of("houses.csv", data));

        assertThat(two.codes()).as(two.failures()).containsOnly(0);
        JsonNode single = one.metrics(0);
        JsonNode shared = two.metrics(0);
        assertThat(shared.get("best_params")).isEqualTo(single.get("best_params"));
        assertThat(shared.get("cv_rmsle").asDouble()).isEqualTo(single.get("cv_rmsle").asDouble());
        assertThat(shared.get("trials")).hasSameSizeAs(single.get("trials"));
        assertThat(Files.readAllBytes(two.model(0))).as("the leader's final fit is the one-host fit")
                .isEqualTo(Files.readAllBytes(one.model(0)));
        assertNothingWrittenBy(two, 1);
        assertThat(two.logs.get(0)).filteredOn(l -> l.startsWith("cv_rmsle=")).hasSize(1);
        assertThat(two.logs.get(1)).noneMatch(l -> l.startsWith("cv_rmsle=") || l.startsWith("holdout_rmsle="))
                .anyMatch(l -> l.startsWith("distributed: algo-2 finished its share of the search"));
    }

    @Test
    void rows_whenTwoHostsOfAReplicatedChannel_oneModelCloseToTheOneHostModel() throws Exception {
        String data = SyntheticHouses.csv(400, 6, true);
        Run one = run(1, Map.of(), "FullyReplicated", host -> Map.of("houses.csv", data));
        Run two = run(2, Map.of("distribution", "rows"), "FullyReplicated", host -> Map.of("houses.csv", data));

        assertThat(two.codes()).as(two.failures()).containsOnly(0);
        double single = one.metrics(0).get("holdout_rmsle").asDouble();
        double shared = two.metrics(0).get("holdout_rmsle").asDouble();
        // Same rows, folds and hold-out, but not the same pipeline yet: one host fits the preprocessing inside each fold
        // and refits on every row; rows mode shares one preprocessing and fits on the training rows (README, "Several
        // hosts"). Measured 10.3% apart on this small set (0.197 vs 0.217); the bound stays close to that.
        assertThat(Math.abs(shared - single) / single).as("one host %s, two hosts %s", single, shared).isLessThan(0.15);
        assertThat(two.metrics(0).get("training_rows").asInt()).isEqualTo(one.metrics(0).get("training_rows").asInt());
        assertNothingWrittenBy(two, 1);
    }

    @Test
    void rows_whenThreeHostsShareFourFiles_everyHostTrainsOnItsFilesAndTheLeaderWritesOneModel() throws Exception {
        List<String> files = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            files.add(SyntheticHouses.csv(120, 10 + f, true));
        }
        // ShardedByS3Key: file i goes to host i mod 3, as SageMaker deals the objects out.
        Run three = run(3, Map.of(), "ShardedByS3Key", host -> {
            Map<String, String> mine = new HashMap<>();
            for (int f = 0; f < files.size(); f++) {
                if (f % 3 == host) {
                    mine.put("part-" + f + ".csv", files.get(f));
                }
            }
            return mine;
        });

        assertThat(three.codes()).as(three.failures()).containsOnly(0);
        JsonNode metrics = three.metrics(0);
        // 480 rows, each host holding out the rounded-up quarter of its own: 60 + 30 + 30.
        assertThat(metrics.get("training_rows").asInt()).isEqualTo(480 - 120);
        assertThat(metrics.get("holdout_rmsle").asDouble()).isBetween(0.01, 0.5);
        assertThat(three.logs.get(0)).anyMatch(l -> l.contains("distribution=rows (the training channel is ShardedByS3Key)"));
        assertNothingWrittenBy(three, 1);
        assertNothingWrittenBy(three, 2);
    }

    @Test
    void rows_whenMoreHostsThanShardFiles_theHostWithoutFilesFailsSayingSo() throws Exception {
        Run three = run(3, Map.of("distributed_timeout", "20"), "ShardedByS3Key",
                host -> host < 2 ? Map.of("part.csv", SyntheticHouses.csv(100, host, true)) : Map.of());

        assertThat(three.codes()).containsOnly(1);
        assertThat(three.failure(2)).startsWith("algo-3: received no file of the ShardedByS3Key training channel: the job"
                + " has 3 hosts, more than the channel has files");
    }

    @Test
    void rows_whenOneHostHasBadData_itFailsNamingItselfAndTheOthersFailToo() throws Exception {
        Run two = run(2, Map.of("distributed_timeout", "20"), "ShardedByS3Key", host -> host == 1
                ? Map.of("part.csv", "Id,Area,SalePrice\n1,2\n") : Map.of("part.csv", SyntheticHouses.csv(100, 1, true)));

        assertThat(two.codes()).containsOnly(1);
        assertThat(two.failure(1)).startsWith("algo-2: CSV file ").contains("line 2 has 2 fields, the header has 3");
        assertThat(two.failure(0)).startsWith("algo-1: lost the other hosts while sharing the leader's preprocessing:"
                + " no word from algo-2 of [algo-1, algo-2]");
    }

    private static void assertNothingWrittenBy(Run run, int rank) throws IOException {
        Path host = run.roots.get(rank);
        try (Stream<Path> model = Files.list(host.resolve("model"))) {
            assertThat(model).as("algo-%d's /opt/ml/model", rank + 1).isEmpty();
        }
        Path output = host.resolve("output/data");
        if (Files.isDirectory(output)) {
            try (Stream<Path> files = Files.list(output)) {
                assertThat(files).as("algo-%d's /opt/ml/output/data", rank + 1).isEmpty();
            }
        }
    }

    /** What each host's channel holds, by rank. */
    private interface FilesOf {
        Map<String, String> of(int rank);
    }

    private Run run(int hosts, Map<String, String> extra, String distribution, FilesOf files) throws Exception {
        Map<String, String> hp = new HashMap<>(SMALL);
        hp.putAll(extra);
        Path jobRoot = Files.createTempDirectory(root, "job");
        List<Path> roots = new ArrayList<>();
        List<List<String>> logs = new ArrayList<>();
        List<String> names = ThreadHosts.hosts(hosts);
        for (int rank = 0; rank < hosts; rank++) {
            MlTree tree = MlTree.at(jobRoot.resolve(names.get(rank))).hyperparameters(hp)
                    .file("input/config/resourceconfig.json", "{\"current_host\":\"" + names.get(rank) + "\",\"hosts\":"
                            + JSON.writeValueAsString(names) + "}")
                    .file("input/config/inputdataconfig.json", "{\"training\":{\"ContentType\":\"text/csv\","
                            + "\"TrainingInputMode\":\"File\",\"S3DistributionType\":\"" + distribution + "\"}}")
                    .mkdirs("model").mkdirs("input/data/training");
            files.of(rank).forEach((name, content) -> tree.data("training", name, content));
            roots.add(tree.root());
            logs.add(Collections.synchronizedList(new ArrayList<>()));
        }
        List<Integer> codes = ThreadHosts.run(hosts, (cluster, env) -> {
            int rank = cluster.rank();
            return ContainerRunner.run(TrainingEnvironment.at(roots.get(rank)),
                    new TabularTrainer(logs.get(rank)::add, hosts == 1 ? Map.of() : env), Duration.ofSeconds(5));
        });
        return new Run(roots, logs, codes);
    }

    private record Run(List<Path> roots, List<List<String>> logs, List<Integer> codes) {
        JsonNode metrics(int rank) throws IOException {
            return JSON.readTree(roots.get(rank).resolve("model/" + ModelFiles.METRICS).toFile());
        }

        Path model(int rank) {
            return roots.get(rank).resolve("model/" + ModelFiles.MODEL);
        }

        String failure(int rank) throws IOException {
            Path f = roots.get(rank).resolve("output/failure");
            return Files.exists(f) ? Files.readString(f) : "";
        }

        String failures() {
            StringBuilder sb = new StringBuilder();
            for (int r = 0; r < roots.size(); r++) {
                try {
                    sb.append("algo-").append(r + 1).append(": ").append(failure(r)).append('\n');
                } catch (IOException e) {
                    sb.append(e);
                }
            }
            return sb.toString();
        }
    }
}
