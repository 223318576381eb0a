package dev.drydock.trainer.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.contract.TrainingException;
import dev.drydock.trainer.data.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessorTest {
    @TempDir
    Path dir;

    private static Table table(String... rows) {
        Table.Builder b = new Table.Builder(List.of("Id", "Area", "Qual", "Hood", "Pool", "SalePrice"));
        for (String row : rows) {
            b.add(row.split(",", -1));
        }
        return b.build();
    }

    private static final Table HOUSES = table(
            "1,1000,Gd,North,NA,100000",
            "2,NA,TA,South,NA,150000",
            "3,3000,Ex,North,Gd,300000",
            "4,2000,Po,East,NA,200000");

    @Test
    void fit_whenMixedColumns_infersKindPerColumn() {
        Preprocessor p = Preprocessor.fit(HOUSES, PreprocessOptions.defaults("SalePrice", "Id"));

        assertThat(p.encoders()).extracting(FeatureEncoder::column).containsExactly("Area", "Qual", "Hood", "Pool");
        assertThat(p.encoders().get(0)).isInstanceOf(NumericFeature.class);
        assertThat(p.encoders().get(1)).isInstanceOf(OrdinalFeature.class);
        assertThat(p.encoders().get(2)).isInstanceOf(OneHotFeature.class);
        // Pool is {Gd, NA}: a single quality level is not yet a scale, so NA ("no pool") is a one-hot level.
        assertThat(((OneHotFeature) p.encoders().get(3)).levels()).containsExactly("NA", "Gd");
    }

    @Test
    void features_whenQualityScale_encodesRankWithNoneBelowAll() {
        Table rows = table("9,1500,Ex,North,NA,1", "10,1500,NA,North,NA,1");
        Preprocessor p = Preprocessor.fit(HOUSES, PreprocessOptions.defaults("SalePrice", "Id"));

        float[] x = p.features(rows);

        int width = p.featureCount();
        assertThat(x[1]).isEqualTo(5f);
        assertThat(x[width + 1]).isEqualTo(0f);
    }

    @Test
    void features_whenNumericMissingAndNativeImputation_isNaN() {
        Preprocessor p = Preprocessor.fit(HOUSES, PreprocessOptions.defaults("SalePrice", "Id"));

        float[] x = p.features(HOUSES);

        assertThat(x[p.featureCount()]).isNaN();
    }

    @Test
    void features_whenMedianImputation_fillsTrainingMedian() {
        Preprocessor p = Preprocessor.fit(HOUSES, new PreprocessOptions("SalePrice", "Id", true, Imputation.MEDIAN, 50));

        assertThat(p.features(HOUSES)[p.featureCount()]).isEqualTo(2000f);
    }

    @Test
    void features_whenUnseenLevel_writesAllZeros() {
        Preprocessor p = Preprocessor.fit(HOUSES, PreprocessOptions.defaults("SalePrice", "Id"));
        Table rows = table("9,1500,Gd,Mars,NA,1");

        float[] x = p.features(rows);

        assertThat(p.featureNames()).containsSubsequence("Hood=North", "Hood=East", "Hood=South");
        assertThat(new float[] {x[2], x[3], x[4]}).containsOnly(0f);
    }

    @Test
    void features_whenColumnsMissing_throwsListingThem() {
        Preprocessor p = Preprocessor.fit(HOUSES, PreprocessOptions.defaults("SalePrice", "Id"));
        Table rows = new Table.Builder(List.of("Id", "Area")).add(new String[] {"1", "2"}).build();

        assertThatThrownBy(() -> p.features(rows)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("lacks 3 of the").hasMessageContaining("(Qual, Hood, Pool)");
    }

    @Test
    void fit_whenTargetMissing_throwsListingColumns() {
        assertThatThrownBy(() -> Preprocessor.fit(HOUSES, PreprocessOptions.defaults("Price", "Id")))
                .isInstanceOf(TrainingException.class).hasMessageContaining("target column \"Price\" is missing");
    }

    @Test
    void labels_whenLogTarget_areLogs() {
        Preprocessor p = Preprocessor.fit(HOUSES, PreprocessOptions.defaults("SalePrice", "Id"));

        assertThat(p.labels(HOUSES)[0]).isEqualTo((float) Math.log(100000));
        assertThat(p.toTarget(p.labels(HOUSES)[0])).isCloseTo(100000, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void labels_whenNonNumericTarget_throwsNamingRow() {
        Table rows = table("1,1000,Gd,North,NA,cheap");
        Preprocessor p = Preprocessor.fit(HOUSES, PreprocessOptions.defaults("SalePrice", "Id"));

        assertThatThrownBy(() -> p.labels(rows)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("non-numeric value \"cheap\" in data row 1");
    }

    @Test
    void labels_whenNonPositiveTargetWithLog_throwsSuggestingFix() {
        Table rows = table("1,1000,Gd,North,NA,0");
        Preprocessor p = Preprocessor.fit(HOUSES, PreprocessOptions.defaults("SalePrice", "Id"));

        assertThatThrownBy(() -> p.labels(rows)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("not positive").hasMessageContaining("log_target=false");
    }

    @Test
    void save_whenLoaded_transformsIdentically() throws IOException {
        Preprocessor p = Preprocessor.fit(HOUSES, PreprocessOptions.defaults("SalePrice", "Id"));
        Path file = dir.resolve("preprocessing.json");

        p.save(file);
        Preprocessor loaded = Preprocessor.load(file);

        assertThat(loaded).isEqualTo(p);
        assertThat(loaded.features(HOUSES)).containsExactly(p.features(HOUSES));
    }
}
