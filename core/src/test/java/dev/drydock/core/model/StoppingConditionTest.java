package dev.drydock.core.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.drydock.core.model.ViolationAssert.assertSingleViolation;
import static org.assertj.core.api.Assertions.assertThat;

class StoppingConditionTest {

    @Test
    void of_whenWithinOneSecondAnd28Days_accepts() {
        assertThat(StoppingCondition.of(Duration.ofSeconds(1)).maxRuntime()).hasSeconds(1);
        assertThat(StoppingCondition.of(Duration.ofDays(28)).maxRuntime()).isEqualTo(StoppingCondition.MAX_RUNTIME);
        assertThat(StoppingCondition.defaults().maxRuntime()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void of_whenBelowOneSecond_rejects() {
        assertSingleViolation(() -> StoppingCondition.of(Duration.ofMillis(500)), "maxRuntime", "PT0.5S", "between 1 second and 28 days");
    }

    @Test
    void of_whenAbove28Days_rejects() {
        assertSingleViolation(() -> StoppingCondition.of(Duration.ofDays(29)), "maxRuntime", "PT696H", "between 1 second and 28 days");
    }

    @Test
    void of_whenMissing_rejects() {
        assertSingleViolation(() -> StoppingCondition.of(null), "maxRuntime", null, "between 1 second and 28 days");
    }

    @Test
    void constructor_whenMaxWaitBelowMaxRuntime_rejects() {
        assertSingleViolation(() -> new StoppingCondition(Duration.ofHours(2), Duration.ofHours(1)), "maxWaitTime", "PT1H",
                "at least maxRuntime (PT2H)");
    }

    @Test
    void constructor_whenMaxWaitEqualsMaxRuntime_accepts() {
        assertThat(new StoppingCondition(Duration.ofHours(1), Duration.ofHours(1)).maxWaitTime()).hasHours(1);
    }

    @Test
    void spec_whenSpotWithoutMaxWait_rejects() {
        assertSingleViolation(() -> TrainingJobSpecTest.valid().useSpotInstances(true).build(),
                "stoppingCondition.maxWaitTime", null, "must be set when useSpotInstances is true");
    }

    @Test
    void spec_whenMaxWaitWithoutSpot_rejects() {
        assertSingleViolation(() -> TrainingJobSpecTest.valid()
                        .stoppingCondition(new StoppingCondition(Duration.ofHours(1), Duration.ofHours(2))).build(),
                "stoppingCondition.maxWaitTime", "PT2H", "only be set when useSpotInstances is true");
    }

    @Test
    void spec_whenSpotWithMaxWait_accepts() {
        TrainingJobSpec spec = TrainingJobSpecTest.valid().useSpotInstances(true)
                .stoppingCondition(new StoppingCondition(Duration.ofHours(1), Duration.ofHours(2))).build();

        assertThat(spec.useSpotInstances()).isTrue();
    }
}
