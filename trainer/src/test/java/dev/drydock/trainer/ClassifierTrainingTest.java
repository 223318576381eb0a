package dev.drydock.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.contract.ContainerRunner;
import dev.drydock.contract.ProgressLine;
import dev.drydock.contract.TrainingEnvironment;
import dev.drydock.trainer.objective.Task;
import dev.drydock.trainer.output.ModelFiles;
import dev.drydock.trainer.testing.MlTree;
import dev.drydock.trainer.testing.SyntheticClasses;
import dev.drydock.trainer.testing.SyntheticHouses;
import dev.drydock.trainer.testing.XhtmlPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer end to end on the objectives beyond house prices: generated data sets with a known signal, a CI-sized
 * search (3 folds, a few configurations, few rounds).
 */
class ClassifierTrainingTest {
    private static final Map<String, String> SMALL = Map.of("max_trials", "4", "folds", "3", "n_estimators", "60",
            "learning_rate", "0.2", "early_stopping_rounds", "10");

    @TempDir
    Path root;

    private final List<String> log = new ArrayList<>();

    private int train(MlTree tree) {
        return ContainerRunner.run(TrainingEnvironment.at(tree.root()), new TabularTrainer(log::add), Duration.ofSeconds(5));
    }

    private MlTree tree(String csv, String... extra) {
        Map<String, String> hp = new HashMap<>(SMALL);
        for (int i = 0; i < extra.length; i += 2) {
            hp.put(extra[i], extra[i + 1]);
        }
        return MlTree.at(root).hyperparameters(hp).data("training", "data.csv", csv);
    }

    private JsonNode metrics() throws IOException {
        return new ObjectMapper().readTree(root.resolve("model/" + ModelFiles.METRICS).toFile());
    }

    private static double share(String csv, String level) {
        long all = csv.lines().skip(1).count();
        return csv.lines().skip(1).filter(l -> l.endsWith("," + level)).count() / (double) all;
    }

    @Test
    void train_whenBinaryStringLabels_ranksByAucAndStoresTheLevels() throws IOException {
        MlTree tree = tree(SyntheticClasses.binary(400, 1), "target", "Churn", "objective", "binary:logistic",
                "eval_metric", "auc");

        assertThat(train(tree)).as(tree.failure()).isZero();

        JsonNode metrics = metrics();
        // The label is a noisy threshold of the features: far better than the 0.5 of a coin.
        assertThat(metrics.get("cv_auc").asDouble()).isGreaterThan(0.85);
        assertThat(metrics.get("holdout_auc").asDouble()).isGreaterThan(0.85);
        assertThat(metrics.get("metric_direction").asText()).isEqualTo("higher");
        assertThat(metrics.get("classes").toString()).isEqualTo("[\"no\",\"yes\"]");
        assertThat(log).anyMatch(l -> l.matches("cv_auc=0\\.\\d+")).anyMatch(l -> l.matches("holdout_auc=0\\.\\d+"))
                .anyMatch(l -> ProgressLine.parse(l).filter(p -> p.metric().equals("cv_auc")).isPresent())
                .noneMatch(l -> l.startsWith("cv_rmsle="));
        // The best trial is the highest AUC, not the lowest.
        double best = metrics.get("cv_auc").asDouble();
        metrics.get("trials").forEach(t -> assertThat(t.get("cv_auc").asDouble()).isLessThanOrEqualTo(best));
        assertThat(Task.load(root.resolve("model/" + ModelFiles.OBJECTIVE)).classes()).containsExactly("no", "yes");
        assertThat(Files.readAllLines(root.resolve("output/data/" + ModelFiles.TRIALS_CSV)).get(0))
                .startsWith("number,rung,cv_auc,");
        XhtmlPage report = XhtmlPage.parse(Files.readString(root.resolve("output/data/" + ModelFiles.REPORT_HTML)));
        assertThat(report.sectionIds()).contains("search", "feature-importance", "roc-curve", "confusion-matrix");
        // The confusion matrix counts every hold-out row once: a header row, then one row per class.
        List<List<String>> confusion = report.table("confusion");
        int counted = 0;
        for (List<String> row : confusion.subList(1, confusion.size())) {
            counted += Integer.parseInt(row.get(1)) + Integer.parseInt(row.get(2));
        }
        assertThat(counted).isEqualTo(metrics.get("holdout_rows").asInt());
    }

    @Test
    void train_whenF1WithBalancedClassWeights_beatsPredictingTheMajority() throws IOException {
        String csv = SyntheticClasses.binary(400, 2);
        MlTree tree = tree(csv, "target", "Churn", "objective", "binary:logistic", "eval_metric", "f1",
                "class_weights", "balanced");

        assertThat(train(tree)).as(tree.failure()).isZero();

        // Predicting "no" everywhere scores F1 0; the minority class is about a third of the rows.
        assertThat(share(csv, "yes")).isBetween(0.15, 0.5);
        assertThat(metrics().get("cv_f1").asDouble()).isGreaterThan(0.7);
    }

    @Test
    void train_whenThreeSpecies_multiclassBeatsTheUniformGuess() throws IOException {
        String csv = SyntheticClasses.multiclass(300, 3);
        MlTree tree = tree(csv, "target", "Species", "objective", "multi:softprob");

        assertThat(train(tree)).as(tree.failure()).isZero();

        JsonNode metrics = metrics();
        // A uniform guess scores log(3) = 1.0986; petal length separates the species well.
        assertThat(metrics.get("cv_mlogloss").asDouble()).isLessThan(0.5 * Math.log(3));
        assertThat(metrics.get("classes").toString()).isEqualTo("[\"setosa\",\"versicolor\",\"virginica\"]");
        assertThat(metrics.get("metric_direction").asText()).isEqualTo("lower");
    }

    @Test
    void train_whenMulticlassAccuracy_beatsTheMajorityShare() throws IOException {
        String csv = SyntheticClasses.multiclass(300, 4);
        MlTree tree = tree(csv, "target", "Species", "objective", "multi:softprob", "eval_metric", "accuracy");

        assertThat(train(tree)).as(tree.failure()).isZero();

        double majority = List.of("setosa", "versicolor", "virginica").stream().mapToDouble(s -> share(csv, s)).max()
                .orElseThrow();
        assertThat(metrics().get("cv_accuracy").asDouble()).isGreaterThan(majority + 0.3);
    }

    @Test
    void train_whenAClassOccursOnlyInTheHoldout_itStillHasAnIndex() throws IOException {
        // Rows 1-3 are a fourth species and are the hold-out: the levels come from every row, not the training rows.
        String csv = SyntheticClasses.multiclass(120, 6).replaceFirst("\n1,([^\n]*),\\w+\n", "\n1,$1,hybrid\n")
                .replaceFirst("\n2,([^\n]*),\\w+\n", "\n2,$1,hybrid\n").replaceFirst("\n3,([^\n]*),\\w+\n", "\n3,$1,hybrid\n");
        MlTree tree = tree(csv, "target", "Species", "objective", "multi:softprob", "holdout_ids", "ids/h.txt")
                .data("ids", "h.txt", "1\n2\n3\n");

        assertThat(train(tree)).as(tree.failure()).isZero();

        assertThat(metrics().get("classes").toString()).contains("hybrid");
        assertThat(metrics().get("holdout_rows").asInt()).isEqualTo(3);
    }

    @Test
    void train_whenBinaryObjectiveOnThreeLevels_failsNamingTheFix() {
        MlTree tree = tree(SyntheticClasses.multiclass(60, 5), "target", "Species", "objective", "binary:logistic");

        assertThat(train(tree)).isEqualTo(1);
        assertThat(tree.failure()).contains("objective=binary:logistic needs a target of two classes")
                .contains("has 3: [setosa, versicolor, virginica]").contains("set objective=multi:softprob");
    }

    @Test
    void train_whenRegressionObjectives_reportTheirOwnMetric() throws IOException {
        for (String[] run : List.of(new String[] {"reg:absoluteerror", "mae"}, new String[] {"reg:tweedie",
            "tweedie_nloglik"}, new String[] {"reg:squarederror", "rmse"})) {
            Path sub = root.resolve(run[0].replace(':', '-'));
            MlTree tree = MlTree.at(sub).hyperparameters(Map.of("max_trials", "2", "folds", "3", "n_estimators", "40",
                    "learning_rate", "0.3", "objective", run[0], "log_target", "false"))
                    .data("training", "houses.csv", SyntheticHouses.csv(150, 1, true));

            int code = ContainerRunner.run(TrainingEnvironment.at(sub), new TabularTrainer(log::add),
                    Duration.ofSeconds(5));

            assertThat(code).as(tree.failure()).isZero();
            JsonNode metrics = new ObjectMapper().readTree(sub.resolve("model/" + ModelFiles.METRICS).toFile());
            assertThat(metrics.get("eval_metric").asText()).isEqualTo(run[1]);
            assertThat(metrics.get("cv_" + run[1]).isNumber()).as(run[0]).isTrue();
            assertThat(metrics.has("cv_rmsle")).isFalse();
            XhtmlPage report = XhtmlPage.parse(Files.readString(sub.resolve("output/data/" + ModelFiles.REPORT_HTML)));
            assertThat(report.sectionIds()).contains("feature-importance", "residuals");
        }
    }
}
