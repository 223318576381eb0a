package dev.drydock.core.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static dev.drydock.core.model.ViolationAssert.assertSingleViolation;
import static org.assertj.core.api.Assertions.assertThat;

class JobNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "job-1", "A--b", "house-prices-2026-11-29-03-28-02-123"})
    void of_whenMatchesRule_accepts(String name) {
        assertThat(JobName.of(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"my_job", "-job", "job-", "", "job name", "jöb"})
    void of_whenBreaksRule_namesFieldValueAndPattern(String name) {
        assertSingleViolation(() -> JobName.of(name), "jobName", name, "must match " + JobName.RULE);
    }

    @Test
    void of_when64Characters_rejectsAnd63Accepts() {
        assertThat(JobName.of("a".repeat(63)).value()).hasSize(63);
        assertSingleViolation(() -> JobName.of("a".repeat(64)), "jobName", "a".repeat(64), "1 to 63 characters");
    }

    @Test
    void of_whenNull_reportsMissing() {
        assertSingleViolation(() -> JobName.of(null), "jobName", null, "must match");
    }

    @Test
    void generate_whenBaseGiven_appendsMillisecondTimestamp() {
        assertThat(JobName.generate("house-prices").value())
                .matches("house-prices-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{3}");
    }

    @Test
    void generate_whenCalledManyTimesAtOnce_givesUniqueNames() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            names.add(JobName.generate("base").value());
        }
        assertThat(names).hasSize(2000);
    }

    @Test
    void generate_whenBaseLong_trimsToMaxLengthWithoutTrailingHyphenBeforeStamp() {
        String name = JobName.generate("x".repeat(38) + "-" + "y".repeat(100)).value();

        assertThat(name).hasSizeLessThanOrEqualTo(JobName.MAX_LENGTH).startsWith("x".repeat(38) + "-2");
        assertThat(name).doesNotContain("--");
    }

    @Test
    void generate_whenBaseHasRefusedCharacters_cleansThem() {
        assertThat(JobName.generate("my_model.v2").value()).startsWith("my-model-v2-");
        assertThat(JobName.generate("123456789012.dkr.ecr.us-east-1.amazonaws.com/drydock/trainer:latest").value())
                .startsWith("trainer-");
        assertThat(JobName.generate("__").value()).startsWith("job-");
        assertThat(JobName.generate(null).value()).startsWith("job-");
    }
}
