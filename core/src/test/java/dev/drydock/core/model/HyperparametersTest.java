package dev.drydock.core.model;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.drydock.core.model.ViolationAssert.assertSingleViolation;
import static org.assertj.core.api.Assertions.assertThat;

class HyperparametersTest {

    @Test
    void constructor_when100Entries_acceptsAnd101Rejects() {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            values.put("k" + i, "v");
        }
        assertThat(new Hyperparameters(values).values()).hasSize(100);
        values.put("one-more", "v");

        assertSingleViolation(() -> new Hyperparameters(values), "hyperparameters", "101 entries", "at most 100 entries");
    }

    @Test
    void constructor_whenKeyLongerThan256_rejects() {
        String key = "k".repeat(257);
        assertThat(new Hyperparameters(Map.of("k".repeat(256), "v")).values()).hasSize(1);

        assertSingleViolation(() -> new Hyperparameters(Map.of(key, "v")), "hyperparameters", key, "1 to 256 characters");
    }

    @Test
    void constructor_whenKeyEmpty_rejects() {
        assertSingleViolation(() -> new Hyperparameters(Map.of("", "v")), "hyperparameters", "", "1 to 256 characters");
    }

    @Test
    void constructor_whenValueLongerThan2500_rejectsShowingItsLength() {
        assertThat(new Hyperparameters(Map.of("k", "v".repeat(2500))).values()).hasSize(1);

        assertSingleViolation(() -> new Hyperparameters(Map.of("eta", "v".repeat(2501))), "hyperparameters.eta",
                "2501 characters", "at most 2500 characters");
    }

    @Test
    void builder_whenTypedValues_encodesThemAndKeepsOrder() {
        Hyperparameters hp = Hyperparameters.builder().put("num_round", 100).put("eta", 0.1).put("verbose", true)
                .put("max_depth", java.util.List.of(3, 4)).put("objective", "reg:squarederror").build();

        assertThat(hp.values()).containsExactly(Map.entry("num_round", "100"), Map.entry("eta", "0.1"),
                Map.entry("verbose", "true"), Map.entry("max_depth", "[3,4]"), Map.entry("objective", "reg:squarederror"));
        assertThat(hp.get("eta")).contains("0.1");
        assertThat(hp.get("absent")).isEmpty();
    }
}
