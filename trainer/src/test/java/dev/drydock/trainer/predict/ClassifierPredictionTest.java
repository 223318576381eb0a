package dev.drydock.trainer.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.drydock.contract.ContainerRunner;
import dev.drydock.contract.TrainingEnvironment;
import dev.drydock.trainer.TabularTrainer;
import dev.drydock.trainer.data.CsvTables;
import dev.drydock.trainer.data.Table;
import dev.drydock.trainer.testing.MlTree;
import dev.drydock.trainer.testing.SyntheticClasses;
import dev.drydock.trainer.testing.SyntheticHouses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The predictor of classifiers: classes and probabilities, in chunks of bounded size, preprocessed as in training. */
class ClassifierPredictionTest {
    @TempDir
    static Path trained;

    @TempDir
    Path dir;

    private static Path binaryModel;
    private static Path multiclassModel;

    @BeforeAll
    static void trainSmallModels() {
        binaryModel = train(trained.resolve("binary"), SyntheticClasses.binary(300, 1), "Churn", "binary:logistic");
        multiclassModel = train(trained.resolve("multi"), SyntheticClasses.multiclass(300, 2), "Species",
                "multi:softprob");
    }

    private static Path train(Path root, String csv, String target, String objective) {
        MlTree tree = MlTree.at(root).hyperparameters(Map.of("max_trials", "2", "folds", "3", "n_estimators", "40",
                "learning_rate", "0.3", "target", target, "objective", objective)).data("training", "data.csv", csv);
        int code = ContainerRunner.run(TrainingEnvironment.at(root), new TabularTrainer(s -> { }), Duration.ofSeconds(5));
        assertThat(code).as(tree.failure()).isZero();
        return root.resolve("model");
    }

    /** The rows without their label column (the last), as a test set comes. */
    private static String unlabelled(String csv) {
        return csv.lines().map(l -> l.substring(0, l.lastIndexOf(','))).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void writeSubmission_whenBinary_writesTheClassAndOneProbabilityPerLevel() throws IOException {
        String labelled = SyntheticClasses.binary(50, 9);
        Path input = Files.writeString(dir.resolve("test.csv"), unlabelled(labelled));
        Path output = dir.resolve("submission.csv");

        try (Predictor predictor = Predictor.load(binaryModel)) {
            assertThat(predictor.writeSubmission(input, output)).isEqualTo(50);
        }

        Table submission = CsvTables.read(output);
        assertThat(submission.header()).containsExactly("Id", "Churn", "no", "yes");
        String[] truth = CsvTables.read(Files.writeString(dir.resolve("truth.csv"), labelled)).column("Churn");
        int right = 0;
        for (int i = 0; i < submission.rowCount(); i++) {
            double no = Double.parseDouble(submission.column("no")[i]);
            double yes = Double.parseDouble(submission.column("yes")[i]);
            assertThat(no + yes).isCloseTo(1, within(1e-5));
            assertThat(submission.column("Churn")[i]).isEqualTo(yes > 0.5 ? "yes" : "no");
            right += submission.column("Churn")[i].equals(truth[i]) ? 1 : 0;
        }
        // Unseen rows of the same known signal: well above the majority share (about two thirds).
        assertThat(right).isGreaterThan(40);
    }

    @Test
    void writeSubmission_whenChunksOfSevenRows_writesTheSameFileAsAtOnce() throws IOException {
        Path input = Files.writeString(dir.resolve("test.csv"), unlabelled(SyntheticClasses.multiclass(100, 7)));

        try (Predictor predictor = Predictor.load(multiclassModel)) {
            predictor.writeSubmission(input, dir.resolve("whole.csv"), Predictor.CHUNK_ROWS);
            assertThat(predictor.writeSubmission(input, dir.resolve("chunked.csv"), 7)).isEqualTo(100);
        }

        assertThat(Files.readString(dir.resolve("chunked.csv"))).isEqualTo(Files.readString(dir.resolve("whole.csv")));
        assertThat(Files.readAllLines(dir.resolve("chunked.csv")).get(0)).isEqualTo("Id,Species,setosa,versicolor,virginica");
    }

    @Test
    void writeSubmission_whenARowInALaterChunkIsBad_leavesNoPartialFile() throws IOException {
        String csv = unlabelled(SyntheticClasses.multiclass(30, 8)) + "31,1.0\n";
        Path input = Files.writeString(dir.resolve("test.csv"), csv);
        Path output = dir.resolve("submission.csv");

        try (Predictor predictor = Predictor.load(multiclassModel)) {
            assertThatThrownBy(() -> predictor.writeSubmission(input, output, 10))
                    .isInstanceOf(PredictionException.class).hasMessageContaining("line 32 has 2 fields");
        }

        assertThat(output).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("test.csv");
        }
    }

    @Test
    void classify_whenMulticlass_probabilitiesSumToOnePerRow() throws IOException {
        Table rows = CsvTables.read(Files.writeString(dir.resolve("t.csv"), unlabelled(SyntheticClasses.multiclass(20, 3))));

        try (Predictor predictor = Predictor.load(multiclassModel)) {
            Classified classified = predictor.classify(rows);

            assertThat(classified.classes()).containsExactly("setosa", "versicolor", "virginica");
            for (int i = 0; i < classified.rows(); i++) {
                assertThat(classified.probability(i, 0) + classified.probability(i, 1) + classified.probability(i, 2))
                        .isCloseTo(1, within(1e-5));
            }
            assertThatThrownBy(() -> predictor.predict(rows)).isInstanceOf(PredictionException.class)
                    .hasMessageContaining("is a classifier");
        }
    }

    @Test
    void classify_whenRegressionModel_saysToUsePredict() throws IOException {
        Path root = dir.resolve("houses");
        MlTree.at(root).hyperparameters(Map.of("max_trials", "1", "folds", "2", "n_estimators", "10"))
                .data("training", "houses.csv", SyntheticHouses.csv(60, 1, true));
        assertThat(ContainerRunner.run(TrainingEnvironment.at(root), new TabularTrainer(s -> { }),
                Duration.ofSeconds(5))).isZero();
        Table rows = CsvTables.read(Files.writeString(dir.resolve("h.csv"), SyntheticHouses.csv(5, 2, false)));

        try (Predictor predictor = Predictor.load(root.resolve("model"))) {
            assertThatThrownBy(() -> predictor.classify(rows)).hasMessageContaining("is a regression");
        }
    }
}
