package dev.drydock.core.tuning;

import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.Violation;
import dev.drydock.core.model.TrainingJobSpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TuningJobSpecTest {

    static TrainingJobSpec template() {
        return TrainingJobSpec.builder().name("tune").image("drydock/trainer:latest").outputPath("file:///tmp/models/")
                .metric("validation:rmse", "validation-rmse: ([0-9.]+)").hyperparameter("rounds", 50).build();
    }

    static TuningJobSpec.Builder valid() {
        return TuningJobSpec.builder().name("tune").strategy(TuningStrategy.RANDOM).minimize("validation:rmse")
                .continuous("eta", 0.01, 0.3, ScalingType.LOGARITHMIC).integer("max_depth", 2, 8, ScalingType.LINEAR)
                .maxTrainingJobs(10).maxParallelTrainingJobs(2).trainingTemplate(template());
    }

    @Test
    void build_whenValid_keepsEveryPart() {
        TuningJobSpec spec = valid().randomSeed(7).maxRuntime(Duration.ofMinutes(10)).earlyStopping(EarlyStopping.AUTO)
                .completion(CompletionCriteria.none().withTarget(0.1).withMaxJobsNotImproving(5)).build();
        assertThat(spec.name().value()).isEqualTo("tune");
        assertThat(spec.ranges()).hasSize(2);
        assertThat(spec.maxTrials()).isEqualTo(10);
        assertThat(spec.objectiveDefinition().regex()).contains("validation-rmse");
        assertThat(spec.staticHyperparameters().values()).containsEntry("rounds", "50");
        assertThat(spec.fingerprint()).isEqualTo(valid().randomSeed(7).maxRuntime(Duration.ofMinutes(10))
                .earlyStopping(EarlyStopping.AUTO).completion(CompletionCriteria.none().withTarget(0.1).withMaxJobsNotImproving(5))
                .build().fingerprint()).isNotEqualTo(valid().build().fingerprint());
    }

    @Test
    void name_whenLongerThan32_isRefused() {
        assertSingle(() -> valid().name("a".repeat(33)).build(), "tuningJobName", "a".repeat(33), "1 to 32 characters");
    }

    @Test
    void objective_whenNotAMetricOfTheTemplate_namesTheDefinedOnes() {
        assertSingle(() -> valid().minimize("train:auc").build(), "objective.metricName", "train:auc",
                "must be one of the training template's metric definitions (validation:rmse)");
    }

    @Test
    void objective_whenMissing_isRefused() {
        assertSingle(() -> valid().objective(null).build(), "objective", null, "must be set");
    }

    @Test
    void ranges_whenNone_isRefused() {
        assertSingle(() -> TuningJobSpec.builder().name("tune").strategy(TuningStrategy.RANDOM).minimize("validation:rmse")
                .maxTrainingJobs(3).trainingTemplate(template()).build(), "parameterRanges", "0 ranges", "at least one range");
    }

    @Test
    void ranges_whenTheOnlyRangeIsInvalid_reportsThatRangeAlone() {
        assertSingle(() -> TuningJobSpec.builder().name("tune").strategy(TuningStrategy.RANDOM).minimize("validation:rmse")
                .continuous("eta", 2, 1, ScalingType.LINEAR).maxTrainingJobs(3).trainingTemplate(template()).build(),
                "parameterRanges[0].max", "1.0", "greater than min 2.0");
    }

    @Test
    void ranges_whenMoreThan30_isRefused() {
        TuningJobSpec.Builder b = valid();
        for (int i = 0; i < 29; i++) {
            b.continuous("p" + i, 0, 1, ScalingType.LINEAR);
        }
        assertSingle(b::build, "parameterRanges", "31 ranges", "at most 30 ranges");
    }

    @Test
    void ranges_whenNameRepeated_isRefusedOnce() {
        assertSingle(() -> valid().integer("eta", 1, 3, ScalingType.LINEAR).build(), "parameterRanges[0].name", "eta",
                "one range only");
    }

    @Test
    void ranges_whenAlsoStatic_isRefused() {
        assertSingle(() -> valid().integer("rounds", 10, 100, ScalingType.LINEAR).build(), "parameterRanges[2].name",
                "rounds", "also a static hyperparameter");
    }

    @Test
    void continuous_whenMinNotBelowMax_isRefused() {
        assertSingle(() -> valid().continuous("alpha", 1, 1, ScalingType.LINEAR).build(), "parameterRanges[2].max", "1.0",
                "greater than min 1.0");
    }

    @Test
    void continuous_whenLogarithmicFromZero_isRefused() {
        assertSingle(() -> valid().continuous("alpha", 0, 1, ScalingType.LOGARITHMIC).build(), "parameterRanges[2].min",
                "0.0", "greater than 0 for Logarithmic");
    }

    @Test
    void continuous_whenReverseLogarithmicReachesOne_isRefused() {
        assertSingle(() -> valid().continuous("subsample", 0.5, 1.0, ScalingType.REVERSE_LOGARITHMIC).build(),
                "parameterRanges[2].scalingType", "ReverseLogarithmic on [0.5, 1.0]", "max < 1");
    }

    @Test
    void continuous_whenNotFinite_isRefused() {
        List<Violation> found = violations(() -> valid().continuous("alpha", Double.NaN, 1, ScalingType.LINEAR).build());
        assertThat(found).extracting(Violation::field).contains("parameterRanges[2].min");
    }

    @Test
    void integer_whenReverseLogarithmic_isRefused() {
        assertSingle(() -> valid().integer("depth", 1, 5, ScalingType.REVERSE_LOGARITHMIC).build(),
                "parameterRanges[2].scalingType", "ReverseLogarithmic", "continuous ranges only");
    }

    @Test
    void integer_whenLogarithmicFromZero_isRefused() {
        assertSingle(() -> valid().integer("depth", 0, 5, ScalingType.LOGARITHMIC).build(), "parameterRanges[2].min",
                "0", "greater than 0");
    }

    @Test
    void integer_whenMinNotBelowMax_isRefused() {
        assertSingle(() -> valid().integer("depth", 5, 5, ScalingType.LINEAR).build(), "parameterRanges[2].max", "5",
                "greater than min 5");
    }

    @Test
    void categorical_whenEmpty_isRefused() {
        assertSingle(() -> valid().categorical("booster", List.of()).build(), "parameterRanges[2].values", "0 values",
                "1 to 30 values");
    }

    @Test
    void categorical_whenValueRepeatedOrEmpty_isRefused() {
        List<Violation> found = violations(() -> valid().categorical("booster", List.of("gbtree", "gbtree", "")).build());
        assertThat(found).extracting(Violation::field).containsExactly("parameterRanges[2].values[1]", "parameterRanges[2].values[2]");
    }

    @Test
    void categorical_whenMoreThan30Values_isRefused() {
        List<String> many = java.util.stream.IntStream.range(0, 31).mapToObj(i -> "v" + i).toList();
        assertSingle(() -> valid().categorical("c", many).build(), "parameterRanges[2].values", "31 values", "1 to 30");
    }

    @Test
    void grid_whenARangeIsNumeric_isRefused() {
        List<Violation> found = violations(() -> valid().strategy(TuningStrategy.GRID).build());
        assertThat(found).extracting(Violation::field).containsExactly("parameterRanges[0]", "parameterRanges[1]");
        assertThat(found.get(0).rule()).contains("categorical for a Grid search");
    }

    @Test
    void grid_withoutMaxTrainingJobs_runsTheWholeGrid() {
        TuningJobSpec spec = TuningJobSpec.builder().name("grid").strategy(TuningStrategy.GRID).minimize("validation:rmse")
                .categorical("a", List.of("1", "2", "3")).categorical("b", List.of("x", "y")).trainingTemplate(template()).build();
        assertThat(spec.maxTrials()).isEqualTo(6);
    }

    @Test
    void maxTrainingJobs_whenMissingForRandom_isRefused() {
        assertSingle(() -> TuningJobSpec.builder().name("t").strategy(TuningStrategy.RANDOM).minimize("validation:rmse")
                .continuous("eta", 0.1, 0.2, ScalingType.LINEAR).trainingTemplate(template()).build(),
                "resourceLimits.maxNumberOfTrainingJobs", null, "unless the strategy is Grid");
    }

    @Test
    void maxTrainingJobs_whenAboveQuota_isRefused() {
        assertSingle(() -> valid().maxTrainingJobs(501).build(), "resourceLimits.maxNumberOfTrainingJobs", "501", "1 to 500");
    }

    @Test
    void maxParallel_whenZeroOrAboveTrainingJobs_isRefused() {
        assertSingle(() -> valid().maxParallelTrainingJobs(0).build(), "resourceLimits.maxParallelTrainingJobs", "0", "1 to 100");
        assertSingle(() -> valid().maxParallelTrainingJobs(11).build(), "resourceLimits.maxParallelTrainingJobs", "11",
                "must not exceed maxNumberOfTrainingJobs 10");
    }

    @Test
    void maxRuntime_whenOutsideSageMakersBounds_isRefused() {
        assertSingle(() -> valid().maxRuntime(Duration.ofSeconds(60)).build(), "resourceLimits.maxRuntimeInSeconds", "60",
                "120 to 15768000 seconds");
    }

    @Test
    void hyperband_whenMissingOrWithEarlyStopping_isRefused() {
        List<Violation> found = violations(() -> valid().strategy(TuningStrategy.HYPERBAND).earlyStopping(EarlyStopping.AUTO).build());
        assertThat(found).extracting(Violation::field).containsExactly("strategyConfig.hyperbandStrategyConfig",
                "trainingJobEarlyStoppingType");
        assertThat(found.get(1).rule()).contains("must be Off with Hyperband");
    }

    @Test
    void hyperband_whenSetForAnotherStrategy_isRefused() {
        List<Violation> found = violations(() -> valid().hyperband(1, 9).build());
        assertThat(found).extracting(Violation::field).containsExactly("strategyConfig.hyperbandStrategyConfig");
        assertThat(found.get(0).rule()).contains("only be set when the strategy is Hyperband (it is Random)");
    }

    @Test
    void hyperband_whenResourcesInverted_isRefused() {
        assertSingle(() -> valid().strategy(TuningStrategy.HYPERBAND).hyperband(5, 2).build(), "strategyConfig.hyperbandStrategyConfig.maxResource", "2",
                "at least minResource 5");
    }

    @Test
    void completion_whenNotImprovingBelow3OrTargetNotFinite_isRefused() {
        List<Violation> found = violations(() -> valid().completion(CompletionCriteria.none().withMaxJobsNotImproving(2)
                .withTarget(Double.POSITIVE_INFINITY)).build());
        assertThat(found).extracting(Violation::field).containsExactly(
                "tuningJobCompletionCriteria.targetObjectiveMetricValue",
                "tuningJobCompletionCriteria.bestObjectiveNotImproving.maxNumberOfTrainingJobsNotImproving");
    }

    @Test
    void warmStart_whenTooManyRepeatedOrSelf_isRefused() {
        List<Violation> found = violations(() -> valid().warmStart(WarmStartType.TRANSFER_LEARNING,
                List.of("a", "b", "c", "d", "e", "a", "tune")).build());
        assertThat(found).extracting(Violation::field).containsExactly("warmStartConfig.parentHyperParameterTuningJobs",
                "warmStartConfig.parentHyperParameterTuningJobs[5]", "warmStartConfig.parentHyperParameterTuningJobs[6]");
    }

    @Test
    void warmStart_whenTypeMissingOrParentInvalid_isRefused() {
        List<Violation> found = violations(() -> valid().warmStart(null, List.of("bad_name")).build());
        assertThat(found).extracting(Violation::field).containsExactly("warmStartConfig.parentHyperParameterTuningJobs[0].tuningJobName",
                "warmStartConfig.warmStartType");
    }

    @Test
    void randomSeed_whenNegative_isRefused() {
        assertSingle(() -> valid().randomSeed(-1).build(), "randomSeed", "-1", "at least 0");
    }

    @Test
    void build_whenManyThingsAreWrong_reportsThemAllAtOnce() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> valid().name("bad_name")
                .minimize("nope").continuous("x", 2, 1, ScalingType.LINEAR).maxParallelTrainingJobs(0).randomSeed(-3).build());
        assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("tuningJobName",
                "parameterRanges[2].max", "objective.metricName", "resourceLimits.maxParallelTrainingJobs", "randomSeed");
        assertThat(e.getMessage()).startsWith("5 problems:");
    }

    @Test
    void template_whenMissing_isRefused() {
        List<Violation> found = violations(() -> valid().trainingTemplate(null).build());
        assertThat(found).extracting(Violation::field).containsExactly("trainingTemplate");
    }

    private static List<Violation> violations(ThrowingCallable code) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, code);
        assertThat(e).as("expected an InvalidInputException").isNotNull();
        return e.violations();
    }

    private static void assertSingle(ThrowingCallable code, String field, String value, String rule) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, code);
        assertThat(e).as("expected an InvalidInputException").isNotNull();
        assertThat(e.violations()).as(e.getMessage()).hasSize(1);
        Violation v = e.violations().get(0);
        assertThat(v.field()).isEqualTo(field);
        assertThat(v.value()).isEqualTo(value);
        assertThat(v.rule()).contains(rule);
        assertThat(e.getMessage()).contains(field);
    }
}
