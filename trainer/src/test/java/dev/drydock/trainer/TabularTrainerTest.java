package dev.drydock.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.contract.ContainerRunner;
import dev.drydock.contract.ProgressLine;
import dev.drydock.contract.TrainingEnvironment;
import dev.drydock.trainer.output.ModelFiles;
import dev.drydock.trainer.output.Provenance;
import dev.drydock.trainer.testing.MlTree;
import dev.drydock.trainer.testing.SyntheticHouses;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularTrainerTest {
    /** A CI-sized search: 9 configurations, 3 folds, 150 trees at most. */
    static final Map<String, String> SMALL = Map.of("max_trials", "9", "folds", "3", "n_estimators", "150",
            "learning_rate", "0.1");

    @TempDir
    Path root;

    private final List<String> log = new ArrayList<>();

    private int train(MlTree tree) {
        return ContainerRunner.run(TrainingEnvironment.at(tree.root()), new TabularTrainer(log::add), Duration.ofSeconds(5));
    }

    private static Map<String, String> small(String... extra) {
        Map<String, String> hp = new HashMap<>(SMALL);
        for (int i = 0; i < extra.length; i += 2) {
            hp.put(extra[i], extra[i + 1]);
        }
        return hp;
    }

    private MlTree synthetic(String... extra) {
        return MlTree.at(root).hyperparameters(small(extra)).data("training", "houses.csv", SyntheticHouses.csv(150, 1, true));
    }

    @Test
    void train_whenHouseData_goldenHoldoutRmsleAndEveryOutput() throws IOException {
        MlTree tree = MlTree.at(root).hyperparameters(SMALL).copy("training", MlTree.HOUSE_TRAIN);

        int code = train(tree);

        assertThat(code).as(tree.failure()).isZero();
        JsonNode metrics = new ObjectMapper().readTree(root.resolve("model/" + ModelFiles.METRICS).toFile());
        // Golden figures of this CI-sized search (seed 0, XGBoost 3.4.0, preprocessing fitted per fold, learning_rate 0.1: 0.1324 CV); the tolerance
        // allows for other CPUs' floating point, not for a regression. The reference's full grid scores 0.1432.
        assertThat(metrics.get("cv_rmsle").asDouble()).isCloseTo(0.1324, Offset.offset(0.004));
        // The hold-out is scored by a model fit on the 1095 training rows with the rounds scaled to them.
        assertThat(metrics.get("holdout_rmsle").asDouble()).isBetween(0.11, 0.145);
        assertThat(metrics.get("trials")).hasSize(9 + 3); // two halving rungs: 150 / 3 = 50 rounds, then 150
        assertThat(metrics.get("holdout_rows").asInt()).isEqualTo(365);
        assertThat(root.resolve("model")).isDirectoryContaining("glob:**/" + ModelFiles.MODEL)
                .isDirectoryContaining("glob:**/" + ModelFiles.PREPROCESSING)
                .isDirectoryContaining("glob:**/" + ModelFiles.PROVENANCE);
        assertThat(root.resolve("output/data")).isDirectoryContaining("glob:**/" + ModelFiles.TRIALS_CSV)
                .isDirectoryContaining("glob:**/" + ModelFiles.REPORT_HTML);
        assertThat(log).anyMatch(l -> l.matches("cv_rmsle=0\\.\\d+")).anyMatch(l -> l.matches("holdout_rmsle=0\\.\\d+"))
                .anyMatch(l -> ProgressLine.parse(l).isPresent());
        JsonNode provenance = new ObjectMapper().readTree(root.resolve("model/" + ModelFiles.PROVENANCE).toFile());
        assertThat(provenance.get("inputSha256").get("training/train.csv").asText())
                .isEqualTo(Provenance.sha256(MlTree.HOUSE_TRAIN));
        assertThat(provenance.get("xgboostVersion").asText()).isEqualTo("3.4.0");
    }

    @Test
    void train_whenHoldoutIdsFile_holdsOutThoseRows() throws IOException {
        MlTree tree = synthetic("holdout_ids", "ids/holdout.txt").data("ids", "holdout.txt", "1\n2\n3\n4\n5\n");

        assertThat(train(tree)).as(tree.failure()).isZero();

        JsonNode metrics = new ObjectMapper().readTree(root.resolve("model/" + ModelFiles.METRICS).toFile());
        assertThat(metrics.get("holdout_rows").asInt()).isEqualTo(5);
        assertThat(metrics.get("training_rows").asInt()).isEqualTo(145);
    }

    @Test
    void train_whenValidationChannel_scoresOnIt() throws IOException {
        MlTree tree = synthetic().data("validation", "v.csv", SyntheticHouses.csv(20, 2, true));

        assertThat(train(tree)).as(tree.failure()).isZero();

        JsonNode metrics = new ObjectMapper().readTree(root.resolve("model/" + ModelFiles.METRICS).toFile());
        assertThat(metrics.get("holdout_rows").asInt()).isEqualTo(20);
        assertThat(metrics.get("training_rows").asInt()).isEqualTo(150);
    }

    @Test
    void train_whenChannelFolderMissing_failsNamingChannel() {
        MlTree tree = MlTree.at(root).hyperparameters(SMALL);

        assertThat(train(tree)).isEqualTo(1);
        assertThat(firstLine(tree)).startsWith("channel \"training\" is missing");
    }

    @Test
    void train_whenCsvEmpty_failsSayingEmpty() {
        MlTree tree = MlTree.at(root).hyperparameters(SMALL).data("training", "t.csv", "");

        assertThat(train(tree)).isEqualTo(1);
        assertThat(firstLine(tree)).contains("is empty");
    }

    @Test
    void train_whenCsvHeaderOnly_failsSayingNoRows() {
        MlTree tree = MlTree.at(root).hyperparameters(SMALL).data("training", "t.csv", "Id,Area,SalePrice\n");

        assertThat(train(tree)).isEqualTo(1);
        assertThat(firstLine(tree)).contains("has a header but no data rows");
    }

    @Test
    void train_whenTargetColumnMissing_failsListingColumns() {
        MlTree tree = synthetic("target", "Price");

        assertThat(train(tree)).isEqualTo(1);
        assertThat(firstLine(tree)).contains("target column \"Price\" is missing").contains("SalePrice");
    }

    @Test
    void train_whenTargetNonNumeric_failsNamingValue() {
        MlTree tree = MlTree.at(root).hyperparameters(SMALL)
                .data("training", "t.csv", SyntheticHouses.csv(30, 1, true).replaceFirst(",(\\d+)\n", ",cheap\n"));

        assertThat(train(tree)).isEqualTo(1);
        assertThat(firstLine(tree)).contains("non-numeric value \"cheap\"");
    }

    @Test
    void train_whenTargetNotPositiveWithLog_failsSuggestingLogTargetFalse() {
        MlTree tree = MlTree.at(root).hyperparameters(SMALL)
                .data("training", "t.csv", SyntheticHouses.csv(30, 1, true).replaceFirst(",(\\d+)\n", ",-5\n"));

        assertThat(train(tree)).isEqualTo(1);
        assertThat(firstLine(tree)).contains("not positive").contains("log_target=false");
    }

    @Test
    void train_whenHyperparameterMalformed_failsNamingIt() {
        MlTree tree = synthetic("max_depth", "[3,deep]");

        assertThat(train(tree)).isEqualTo(1);
        assertThat(firstLine(tree)).contains("max_depth=\"[3,deep]\" is malformed");
    }

    @Test
    void train_whenHyperparameterUnknown_failsListingKnownNames() {
        MlTree tree = synthetic("max_dept", "3");

        assertThat(train(tree)).isEqualTo(1);
        assertThat(firstLine(tree)).contains("unknown hyperparameter [max_dept]").contains("max_depth")
                .contains("holdout_ids");
    }

    @Test
    void train_whenSearchSpaceEmpty_failsSayingSo() {
        MlTree tree = synthetic("subsample", "[]");

        assertThat(train(tree)).isEqualTo(1);
        assertThat(firstLine(tree)).contains("search space is empty").contains("subsample");
    }

    @Test
    void train_whenEstimatorsNotPositive_failsNamingRule() {
        MlTree tree = synthetic("n_estimators", "0");

        assertThat(train(tree)).isEqualTo(1);
        assertThat(firstLine(tree)).contains("n_estimators must be >= 1 and <= 100000, got 0");
    }

    @Test
    void train_whenStrategyUnknown_failsListingStrategies() {
        MlTree tree = synthetic("strategy", "bayes");

        assertThat(train(tree)).isEqualTo(1);
        assertThat(firstLine(tree)).contains("[grid, random, halving]");
    }

    @Test
    void train_whenEachStrategyOnSmallData_completes() {
        for (String strategy : List.of("grid", "random", "halving")) {
            Path sub = root.resolve(strategy);
            MlTree tree = MlTree.at(sub).hyperparameters(small("strategy", strategy, "n_samples", "2"))
                    .data("training", "houses.csv", SyntheticHouses.csv(120, 3, true));

            int code = ContainerRunner.run(TrainingEnvironment.at(sub), new TabularTrainer(log::add), Duration.ofSeconds(5));

            assertThat(code).as(strategy + ": " + tree.failure()).isZero();
            assertThat(sub.resolve("model/" + ModelFiles.MODEL)).exists();
        }
    }

    @Test
    void train_whenBadTargetDeepInTheFile_namesTheFileLineTheIdAndTheUsersPath() {
        // Row 25 (file line 26, Id 25) is bad; the seeded hold-out split and the folds reorder rows before the check.
        String csv = SyntheticHouses.csv(40, 1, true);
        List<String> lines = new ArrayList<>(csv.lines().toList());
        lines.set(25, lines.get(25).replaceFirst(",\\d+$", ",cheap"));
        MlTree tree = MlTree.at(root).hyperparameters(small("input_sources", "training=/home/me/data,v2/houses.csv"))
                .data("training", "houses.csv", String.join("\n", lines) + "\n");

        assertThat(train(tree)).isEqualTo(1);
        assertThat(firstLine(tree)).contains("non-numeric value \"cheap\" in line 26 of /home/me/data,v2/houses.csv (Id 25)");
    }

    @Test
    void train_whenNoInputSources_namesTheStagedFileAndLine() {
        String csv = SyntheticHouses.csv(40, 1, true);
        List<String> lines = new ArrayList<>(csv.lines().toList());
        lines.set(30, lines.get(30).replaceFirst(",\\d+$", ",-5"));
        MlTree tree = MlTree.at(root).hyperparameters(SMALL).data("training", "houses.csv", String.join("\n", lines) + "\n");

        assertThat(train(tree)).isEqualTo(1);
        assertThat(firstLine(tree)).contains("in line 31 of " + root.resolve("input/data/training/houses.csv") + " (Id 30)");
    }

    @Test
    void train_whenEstimatorsHuge_refusedWithTheBoundAndTheFix() {
        MlTree tree = synthetic("n_estimators", "2e9");

        assertThat(train(tree)).isEqualTo(1);
        assertThat(firstLine(tree)).contains("n_estimators must be >= 1 and <= 100000, got 2000000000")
                .contains("early stopping");
    }

    @Test
    void train_whenRunTwiceOnTheSameInput_writesByteIdenticalModelFiles() throws IOException {
        byte[][] first = null;
        for (String run : List.of("a", "b")) {
            Path sub = root.resolve(run);
            MlTree.at(sub).hyperparameters(SMALL).copy("training", MlTree.HOUSE_TRAIN);
            assertThat(ContainerRunner.run(TrainingEnvironment.at(sub), new TabularTrainer(log::add), Duration.ofSeconds(5)))
                    .isZero();
            byte[][] files = {
                java.nio.file.Files.readAllBytes(sub.resolve("model/" + ModelFiles.MODEL)),
                java.nio.file.Files.readAllBytes(sub.resolve("model/" + ModelFiles.PREPROCESSING)),
                provenanceWithoutTime(sub)};
            if (first == null) {
                first = files;
            } else {
                assertThat(files[0]).as(ModelFiles.MODEL).isEqualTo(first[0]);
                assertThat(files[1]).as(ModelFiles.PREPROCESSING).isEqualTo(first[1]);
                assertThat(new String(files[2])).as(ModelFiles.PROVENANCE).isEqualTo(new String(first[2]));
            }
        }
    }

    @Test
    void train_whenHoldout_scoresItFirstThenRefitsOnEveryRowAndNoPreprocessingSeesItsScoredRows() throws IOException {
        MlTree.at(root).hyperparameters(SMALL).copy("training", MlTree.HOUSE_TRAIN);
        List<java.util.Set<String>> fits = new ArrayList<>();
        TabularTrainer trainer = new TabularTrainer(log::add,
                (rows, fitted) -> fits.add(java.util.Set.of(rows.column("Id"))));

        assertThat(ContainerRunner.run(TrainingEnvironment.at(root), trainer, Duration.ofSeconds(5))).isZero();

        // 3 fold encodings, the hold-out model's encoding, the final model's encoding.
        assertThat(fits).hasSize(5);
        java.util.Set<String> training = fits.get(3);
        java.util.Set<String> all = fits.get(4);
        assertThat(training).hasSize(1095);
        assertThat(all).hasSize(1460).containsAll(training);
        java.util.Set<String> holdout = new java.util.HashSet<>(all);
        holdout.removeAll(training);
        java.util.Set<String> scoredInFolds = new java.util.HashSet<>();
        for (java.util.Set<String> fold : fits.subList(0, 3)) {
            // A fold scores the training rows it was not fitted on; those must be a third, seen by no other fold's fit
            // as scored rows, and no hold-out row may enter any fold's encoding.
            java.util.Set<String> scored = new java.util.HashSet<>(training);
            scored.removeAll(fold);
            assertThat(fold).doesNotContainAnyElementsOf(holdout).doesNotContainAnyElementsOf(scored);
            assertThat(scored).hasSizeBetween(364, 366);
            assertThat(java.util.Collections.disjoint(scored, scoredInFolds)).isTrue();
            scoredInFolds.addAll(scored);
        }
        assertThat(scoredInFolds).isEqualTo(training);

        JsonNode metrics = new ObjectMapper().readTree(root.resolve("model/" + ModelFiles.METRICS).toFile());
        int chosen = metrics.get("best_params").get("n_estimators").asInt();
        double foldRows = metrics.get("cv_fold_training_rows").asDouble();
        assertThat(foldRows).isEqualTo(730.0);
        assertThat(metrics.get("refit_rows").asInt()).isEqualTo(1460);
        int refitRounds = metrics.get("refit_rounds").asInt();
        assertThat(refitRounds).isEqualTo((int) Math.round(chosen * 1460 / foldRows));
        // The shipped booster has exactly the refit's rounds: one tree per round.
        JsonNode model = new ObjectMapper().readTree(root.resolve("model/" + ModelFiles.MODEL).toFile());
        assertThat(model.at("/learner/gradient_booster/model/gbtree_model_param/num_trees").asInt()).isEqualTo(refitRounds);
        // Its preprocessing was fitted on every row: a level seen only in hold-out rows is known to it.
        assertThat(log).anyMatch(l -> l.startsWith("refit: 1460 rows, " + refitRounds + " rounds"));
    }

    @Test
    void train_whenFeaturesEngineered_everyFittedStatisticComesFromTheRowsItWasFittedOnAndTheModelFromEveryRow()
            throws IOException {
        MlTree.at(root).hyperparameters(small("sum_features", "TotalSF:TotalBsmtSF+1stFlrSF+2ndFlrSF",
                "age_features", "HouseAge:YrSold-YearBuilt", "min_level_count", "10")).copy("training", MlTree.HOUSE_TRAIN);
        List<dev.drydock.trainer.data.Table> tables = new ArrayList<>();
        List<dev.drydock.trainer.preprocess.Preprocessor> fitted = new ArrayList<>();
        TabularTrainer trainer = new TabularTrainer(log::add, (rows, pre) -> {
            tables.add(rows);
            fitted.add(pre);
        });

        assertThat(ContainerRunner.run(TrainingEnvironment.at(root), trainer, Duration.ofSeconds(5))).isZero();

        // 3 folds, the hold-out model, the final model; the last saw all 1460 rows and is the one shipped.
        assertThat(tables).hasSize(5);
        assertThat(tables.get(4).rowCount()).isEqualTo(1460);
        assertThat(dev.drydock.trainer.preprocess.Preprocessor.load(root.resolve("model/" + ModelFiles.PREPROCESSING)))
                .isEqualTo(fitted.get(4));
        double allRowsCenter = Double.NaN;
        for (int i = tables.size() - 1; i >= 0; i--) {
            dev.drydock.trainer.data.Table rows = tables.get(i);
            dev.drydock.trainer.preprocess.Preprocessor pre = fitted.get(i);
            // The linear scaling of the derived total: its center is the mean over exactly these rows, by hand.
            dev.drydock.trainer.preprocess.FeatureScale scale = pre.linear().scales().get(
                    pre.featureNames().indexOf("TotalSF"));
            double center = handMeanOfTotal(rows, scale.log1p());
            assertThat(scale.center()).as("fit %d", i).isCloseTo(center, org.assertj.core.data.Offset.offset(1e-6));
            if (i == tables.size() - 1) {
                allRowsCenter = center;
            } else {
                assertThat(scale.center()).as("a fold's center is not the all-rows one").isNotEqualTo(allRowsCenter);
            }
            // The rare-level merge: the Neighborhood levels kept are those seen on at least 10 of these rows.
            java.util.Map<String, Integer> counts = new java.util.HashMap<>();
            for (String level : rows.column("Neighborhood")) {
                counts.merge(level, 1, Integer::sum);
            }
            java.util.Set<String> frequent = new java.util.HashSet<>();
            counts.forEach((level, n) -> {
                if (n >= 10) {
                    frequent.add(level);
                }
            });
            dev.drydock.trainer.preprocess.OneHotFeature hood = pre.encoders().stream()
                    .filter(e -> e.column().equals("Neighborhood"))
                    .map(dev.drydock.trainer.preprocess.OneHotFeature.class::cast).findFirst().orElseThrow();
            assertThat(hood.rare()).isTrue();
            assertThat(new java.util.HashSet<>(hood.levels())).as("fit %d", i).isEqualTo(frequent);
        }
    }

    private static double handMeanOfTotal(dev.drydock.trainer.data.Table rows, boolean log1p) {
        double sum = 0;
        for (int r = 0; r < rows.rowCount(); r++) {
            double total = 0;
            for (String c : List.of("TotalBsmtSF", "1stFlrSF", "2ndFlrSF")) {
                String raw = rows.column(c)[r];
                total += raw.equals("NA") ? 0 : Double.parseDouble(raw);
            }
            sum += log1p ? Math.log1p(total) : total;
        }
        return sum / rows.rowCount();
    }

    /** provenance.json without its creation time, which differs between runs by design. */
    private static byte[] provenanceWithoutTime(Path sub) throws IOException {
        return java.nio.file.Files.readString(sub.resolve("model/" + ModelFiles.PROVENANCE))
                .replaceAll("\"createdAt\" : \"[^\"]*\"", "").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String firstLine(MlTree tree) {
        return tree.failure().lines().findFirst().orElse("");
    }
}
