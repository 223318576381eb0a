package dev.drydock.trainer.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HyperparametersTest {
    @Test
    void numbers_whenJsonArray_decodesEach() {
        assertThat(Hyperparameters.of(Map.of("g", "[0.5, 1,2]")).numbers("g", List.of())).containsExactly(0.5, 1.0, 2.0);
    }

    @Test
    void numbers_whenCommaSeparated_decodesEach() {
        assertThat(Hyperparameters.of(Map.of("g", "3,4,5")).numbers("g", List.of())).containsExactly(3.0, 4.0, 5.0);
    }

    @Test
    void numbers_whenEmptyArray_returnsEmptyList() {
        assertThat(Hyperparameters.of(Map.of("g", "[]")).numbers("g", List.of(1.0))).isEmpty();
    }

    @Test
    void numbers_whenAbsent_returnsDefault() {
        assertThat(Hyperparameters.of(Map.of()).numbers("g", List.of(1.0))).containsExactly(1.0);
    }

    @Test
    void numbers_whenElementMalformed_throwsNamingValue() {
        assertThatThrownBy(() -> Hyperparameters.of(Map.of("max_depth", "[3,four]")).numbers("max_depth", List.of()))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("max_depth=\"[3,four]\" is malformed");
    }

    @Test
    void integer_whenMalformed_throws() {
        assertThatThrownBy(() -> Hyperparameters.of(Map.of("folds", "5.5")).integer("folds", 5))
                .isInstanceOf(TrainingException.class).hasMessageContaining("folds=\"5.5\" is malformed: expected an integer");
    }

    @Test
    void bool_whenNotTrueOrFalse_throws() {
        assertThatThrownBy(() -> Hyperparameters.of(Map.of("log_target", "yes")).bool("log_target", true))
                .isInstanceOf(TrainingException.class).hasMessageContaining("true or false");
    }

    @Test
    void requireOnly_whenUnknownName_listsKnownNames() {
        Hyperparameters hp = Hyperparameters.of(Map.of("max_dept", "3"));

        assertThatThrownBy(() -> hp.requireOnly(Set.of("max_depth", "seed")))
                .isInstanceOf(TrainingException.class)
                .hasMessage("unknown hyperparameter [max_dept]; known hyperparameters are [max_depth, seed]");
    }
}
