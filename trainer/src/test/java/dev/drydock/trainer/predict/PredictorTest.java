package dev.drydock.trainer.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drydock.trainer.TabularTrainer;
import dev.drydock.contract.ContainerRunner;
import dev.drydock.contract.TrainingEnvironment;
import dev.drydock.trainer.data.CsvTables;
import dev.drydock.trainer.data.Table;
import dev.drydock.trainer.output.ModelFiles;
import dev.drydock.trainer.testing.MlTree;
import dev.drydock.trainer.testing.SyntheticHouses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictorTest {
    @TempDir
    static Path trained;

    @TempDir
    Path dir;

    private static Path modelDir;

    @BeforeAll
    static void trainSmallModel() {
        MlTree tree = MlTree.at(trained)
                .hyperparameters(Map.of("max_trials", "3", "folds", "3", "n_estimators", "60"))
                .data("training", "houses.csv", SyntheticHouses.csv(200, 1, true));
        int code = ContainerRunner.run(TrainingEnvironment.at(trained), new TabularTrainer(s -> { }), Duration.ofSeconds(5));
        assertThat(code).as(tree.failure()).isZero();
        modelDir = trained.resolve("model");
    }

    @Test
    void writeSubmission_whenModelFolder_writesIdAndTargetPerRow() throws IOException {
        Path input = Files.writeString(dir.resolve("test.csv"), SyntheticHouses.csv(25, 9, false));
        Path output = dir.resolve("out/submission.csv");

        try (Predictor predictor = Predictor.load(modelDir)) {
            assertThat(predictor.writeSubmission(input, output)).isEqualTo(25);
        }

        Table submission = CsvTables.read(output);
        assertThat(submission.header()).containsExactly("Id", "SalePrice");
        assertThat(submission.rowCount()).isEqualTo(25);
        assertThat(Double.parseDouble(submission.column("SalePrice")[0])).isBetween(10_000.0, 1_000_000.0);
    }

    @Test
    void predict_whenModelTarGz_matchesFolder() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/tar")) || Files.isExecutable(Path.of("/usr/bin/tar")),
                "tar is not installed: cannot make a model.tar.gz for this test");
        Path archive = dir.resolve("model.tar.gz");
        Process tar = new ProcessBuilder("tar", "czf", archive.toString(), "-C", modelDir.toString(), ".")
                .inheritIO().start();
        assertThat(tar.waitFor()).isZero();
        Table rows = CsvTables.read(Files.writeString(dir.resolve("t.csv"), SyntheticHouses.csv(5, 4, false)));

        try (Predictor fromArchive = Predictor.load(archive); Predictor fromFolder = Predictor.load(modelDir)) {
            assertThat(fromArchive.predict(rows)).containsExactly(fromFolder.predict(rows));
        }
    }

    @Test
    void load_whenArchiveEscapesItsFolder_refusesAndWritesNothingOutside() throws Exception {
        Path archive = dir.resolve("hostile.tar.gz");
        Files.write(archive, dev.drydock.testkit.TarGzFixtures.archive()
                .file("xgboost-model.json", "{}")
                .file("../../drydock-escaped.txt", "owned")
                .toBytes());

        assertThatThrownBy(() -> Predictor.load(archive))
                .isInstanceOf(PredictionException.class)
                .hasMessageContaining("hostile.tar.gz")
                .hasMessageContaining("drydock-escaped.txt");
        assertThat(dir.getParent().resolve("drydock-escaped.txt")).doesNotExist();
    }

    @Test
    void load_whenModelPathMissing_saysItDoesNotExist() {
        assertThatThrownBy(() -> Predictor.load(dir.resolve("nope"))).isInstanceOf(PredictionException.class)
                .hasMessageContaining("does not exist").hasMessageContaining("model.tar.gz or its extracted folder");
    }

    @Test
    void writeSubmission_whenOutputIsTheInput_refusesAndLeavesTheInputAlone() throws IOException {
        String houses = SyntheticHouses.csv(5, 4, false);
        Path input = Files.writeString(dir.resolve("test.csv"), houses);

        try (Predictor predictor = Predictor.load(modelDir)) {
            assertThatThrownBy(() -> predictor.writeSubmission(input, dir.resolve("sub/../test.csv")))
                    .isInstanceOf(PredictionException.class).hasMessageContaining("is the input");
        }
        assertThat(Files.readString(input)).isEqualTo(houses);
    }

    @Test
    void writeSubmission_whenInputMissing_saysSoInWords() {
        try (Predictor predictor = Predictor.load(modelDir)) {
            assertThatThrownBy(() -> predictor.writeSubmission(dir.resolve("absent.csv"), dir.resolve("out.csv")))
                    .isInstanceOf(PredictionException.class).hasMessageContaining("it does not exist (check the path)");
        }
        assertThat(dir.resolve("out.csv")).doesNotExist();
    }

    @Test
    void load_whenFolderHasNoModel_throwsNamingExpectedFiles() {
        assertThatThrownBy(() -> Predictor.load(dir)).isInstanceOf(PredictionException.class)
                .hasMessageContaining("is not a drydock model").hasMessageContaining(ModelFiles.MODEL)
                .satisfies(e -> assertThat(((PredictionException) e).isBadInput()).isTrue());
    }

    @Test
    void load_whenModelFileCorrupt_throwsCannotRead() throws IOException {
        Files.copy(modelDir.resolve(ModelFiles.PREPROCESSING), dir.resolve(ModelFiles.PREPROCESSING));
        Files.writeString(dir.resolve(ModelFiles.MODEL), "{ not a model");

        assertThatThrownBy(() -> Predictor.load(dir)).isInstanceOf(PredictionException.class)
                .hasMessageContaining("damaged or foreign model").hasMessageNotContaining("JsonParse");
    }

    @Test
    void load_whenArchiveNotGzip_throwsCannotRead() throws IOException {
        Path bogus = Files.writeString(dir.resolve("model.tar.gz"), "plain text");

        assertThatThrownBy(() -> Predictor.load(bogus)).isInstanceOf(PredictionException.class)
                .hasMessageContaining("cannot read the model");
    }

    @Test
    void predict_whenFeatureColumnsMissing_throwsListingThem() {
        Table rows = new Table.Builder(List.of("Id", "Area")).add(new String[] {"1", "1200"}).build();

        try (Predictor predictor = Predictor.load(modelDir)) {
            assertThatThrownBy(() -> predictor.predict(rows)).isInstanceOf(PredictionException.class)
                    .hasMessageContaining("lacks").hasMessageContaining("Quality");
        }
    }
}
