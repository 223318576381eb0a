package dev.drydock.core.model;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static dev.drydock.core.model.ViolationAssert.assertSingleViolation;
import static org.assertj.core.api.Assertions.assertThat;

class MetricDefinitionTest {

    @Test
    void constructor_whenOneCaptureGroup_acceptsAndExtractsTheValue() {
        MetricDefinition m = new MetricDefinition("validation:rmse", "validation-rmse:(?:\\s*)([0-9.]+)");

        assertThat(m.extract("[10] validation-rmse: 0.125")).isEqualTo(OptionalDouble.of(0.125));
        assertThat(m.extract("nothing here")).isEmpty();
    }

    @Test
    void constructor_whenNoCaptureGroup_rejectsSayingHowMany() {
        assertSingleViolation(() -> new MetricDefinition("m", "rmse: [0-9.]+"), "regex", "rmse: [0-9.]+",
                "exactly one capture group (it has 0)");
    }

    @Test
    void constructor_whenTwoCaptureGroups_rejects() {
        assertSingleViolation(() -> new MetricDefinition("m", "(\\w+): ([0-9.]+)"), "regex", "(\\w+): ([0-9.]+)",
                "exactly one capture group (it has 2)");
    }

    @Test
    void constructor_whenRegexInvalid_rejects() {
        assertSingleViolation(() -> new MetricDefinition("m", "([0-9"), "regex", "([0-9", "valid regular expression");
    }

    @Test
    void constructor_whenNameEmptyOrTooLong_rejects() {
        assertSingleViolation(() -> new MetricDefinition("", "(x)"), "name", "", "1 to 255 characters");
        assertSingleViolation(() -> new MetricDefinition("n".repeat(256), "(x)"), "name", "n".repeat(256), "1 to 255 characters");
    }

    @Test
    void constructor_whenRegexLongerThan500_rejects() {
        String regex = "(" + "x".repeat(500) + ")";
        assertSingleViolation(() -> new MetricDefinition("m", regex), "regex", regex, "1 to 500 characters");
    }

    @Test
    void extract_whenGroupIsNotANumber_isEmpty() {
        assertThat(new MetricDefinition("m", "loss=(\\S+)").extract("loss=nan?")).isEmpty();
    }
}
