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

    private static PreprocessOptions engineered(String sums, String ages, int minLevelCount) {
        java.util.List<DerivedColumn> derived = new java.util.ArrayList<>(DerivedColumn.parse(DerivedColumn.Operation.SUM, sums));
        derived.addAll(DerivedColumn.parse(DerivedColumn.Operation.DIFFERENCE, ages));
        return new PreprocessOptions("SalePrice", "Id", true, Imputation.NATIVE, 50,
                new FeatureEngineering(derived, minLevelCount, FeatureEngineering.DEFAULT_SKEW_THRESHOLD));
    }

    private static final Table BUILT = new Table.Builder(List.of("Id", "Sold", "Built", "Up", "Down", "SalePrice"))
            .add(new String[] {"1", "2010", "2000", "100", "50", "1"})
            .add(new String[] {"2", "2010", "NA", "NA", "70", "2"})
            .add(new String[] {"3", "2008", "1950", "NA", "NA", "3"})
            .build();

    @Test
    void features_whenSumAndAgeDeclared_addsThemCountingAMissingTermAsZero() {
        Preprocessor p = Preprocessor.fit(BUILT, engineered("Area:Up+Down", "Age:Sold-Built", 1));

        float[] x = p.features(BUILT);

        int area = p.featureNames().indexOf("Area");
        int age = p.featureNames().indexOf("Age");
        int w = p.featureCount();
        assertThat(new float[] {x[area], x[w + area], x[2 * w + area]}).containsExactly(150f, 70f, Float.NaN);
        assertThat(new float[] {x[age], x[w + age], x[2 * w + age]}).containsExactly(10f, Float.NaN, 58f);
    }

    @Test
    void parse_whenMalformed_namesHyperparameterValueAndForm() {
        assertThatThrownBy(() -> DerivedColumn.parse(DerivedColumn.Operation.DIFFERENCE, "Age:Sold-Built-Other"))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("age_features=\"Age:Sold-Built-Other\"")
                .hasMessageContaining("NAME:LATER-EARLIER")
                .hasMessageContaining("e.g. age_features=HouseAge:YrSold-YearBuilt");
        assertThatThrownBy(() -> DerivedColumn.parse(DerivedColumn.Operation.SUM, "Total:Up"))
                .hasMessageContaining("sum_features=\"Total:Up\"").hasMessageContaining("COLUMN+COLUMN");
        assertThatThrownBy(() -> DerivedColumn.parse(DerivedColumn.Operation.SUM, "T:Up+Down,T:Up+Down"))
                .hasMessageContaining("declared twice");
    }

    @Test
    void fit_whenDerivedColumnReadsAbsentOrTargetColumn_throwsNamingHyperparameter() {
        assertThatThrownBy(() -> Preprocessor.fit(BUILT, engineered("Area:Up+Side", "", 1)))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("sum_features column Area reads Side, which the data lacks");
        assertThatThrownBy(() -> Preprocessor.fit(BUILT, engineered("Leak:Up+SalePrice", "", 1)))
                .hasMessageContaining("holds the target");
    }

    @Test
    void fit_whenMinLevelCount_mergesRareAndUnseenLevelsIntoOne() {
        Table rows = table("1,1,TA,North,NA,1", "2,1,TA,North,NA,1", "3,1,TA,South,NA,1", "4,1,TA,East,NA,1");
        Preprocessor p = Preprocessor.fit(rows, engineered("", "", 2));

        OneHotFeature hood = (OneHotFeature) p.encoders().stream().filter(e -> e.column().equals("Hood"))
                .findFirst().orElseThrow();
        float[] x = p.features(table("5,1,TA,South,NA,1", "6,1,TA,West,NA,1", "7,1,TA,North,NA,1"));

        assertThat(hood.featureNames()).containsExactly("Hood=North", "Hood=(rare)");
        int at = p.featureNames().indexOf("Hood=North");
        int w = p.featureCount();
        assertThat(new float[] {x[at], x[at + 1], x[w + at], x[w + at + 1], x[2 * w + at], x[2 * w + at + 1]})
                .containsExactly(0f, 1f, 0f, 1f, 1f, 0f);
    }

    @Test
    void linearFeatures_whenSkewed_areLoggedThenStandardisedOnTheFittedRowsOnly() {
        // Area 1, 1, 1, 1000: skewed and non-negative, so log1p; the scaling is fitted on these rows alone.
        Table rows = table("1,1,TA,North,NA,1", "2,1,Gd,North,NA,1", "3,1,TA,North,NA,1", "4,1000,Gd,North,NA,1");
        Preprocessor p = Preprocessor.fit(rows, PreprocessOptions.defaults("SalePrice", "Id"));

        FeatureScale area = p.linear().scales().get(p.featureNames().indexOf("Area"));
        double[] logs = {Math.log1p(1), Math.log1p(1), Math.log1p(1), Math.log1p(1000)};
        double mean = java.util.Arrays.stream(logs).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(logs).map(v -> (v - mean) * (v - mean)).sum() / 4);
        float[] x = p.linearFeatures(table("9,1000,TA,North,NA,1", "10,NA,TA,North,NA,1"));

        assertThat(area.log1p()).isTrue();
        assertThat(area.center()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(area.scale()).isCloseTo(sd, org.assertj.core.data.Offset.offset(1e-9));
        int at = p.featureNames().indexOf("Area");
        assertThat(x[at]).isCloseTo((float) ((Math.log1p(1000) - mean) / sd), org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(x[p.featureCount() + at]).as("missing is the mean").isZero();
    }

    @Test
    void save_whenEngineered_loadsEqualAndTransformsIdentically() throws IOException {
        Preprocessor p = Preprocessor.fit(BUILT, engineered("Area:Up+Down", "Age:Sold-Built", 2));
        Path file = dir.resolve("pre.json");
        p.save(file);

        Preprocessor loaded = Preprocessor.load(file);

        assertThat(loaded).isEqualTo(p);
        assertThat(loaded.linearFeatures(BUILT)).containsExactly(p.linearFeatures(BUILT));
    }
}
