package dev.drydock.trainer.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.contract.TrainingException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
    @Test
    void defaults_whenEnumerated_isTheDefaultSpaceOf24() {
        SearchSpace space = SearchSpace.defaults();

        assertThat(space.size()).isEqualTo(24);
        assertThat(space.all()).hasSize(24).doesNotHaveDuplicates();
        assertThat(space.maxRounds()).isEqualTo(3000);
    }

    @Test
    void of_whenEmptyList_throwsEmptySearchSpace() {
        assertThatThrownBy(() -> SearchSpace.of(Map.of(XGBoostParameter.MAX_DEPTH, List.of())))
                .isInstanceOf(TrainingException.class).hasMessageContaining("search space is empty")
                .hasMessageContaining("max_depth");
    }

    @Test
    void of_whenNonPositiveEstimators_throws() {
        assertThatThrownBy(() -> SearchSpace.of(Map.of(XGBoostParameter.N_ESTIMATORS, List.of(100.0, 0.0))))
                .isInstanceOf(TrainingException.class).hasMessageContaining("n_estimators must be >= 1 and <= 100000, got 0");
    }

    @Test
    void of_whenFractionalDepth_throws() {
        assertThatThrownBy(() -> SearchSpace.of(Map.of(XGBoostParameter.MAX_DEPTH, List.of(3.5))))
                .isInstanceOf(TrainingException.class).hasMessageContaining("whole number");
    }

    @Test
    void sample_whenSeeded_isReproducibleAndKeepsOrder() {
        List<ParamSet> all = SearchSpace.defaults().all();

        List<ParamSet> a = SearchSpace.sample(all, 10, 7);

        assertThat(a).hasSize(10).isEqualTo(SearchSpace.sample(all, 10, 7));
        assertThat(a).isSortedAccordingTo((x, y) -> Integer.compare(all.indexOf(x), all.indexOf(y)));
    }

    @Test
    void toNative_whenGammaScaled_scalesOnlyGamma() {
        ParamSet p = new ParamSet(Map.of(XGBoostParameter.GAMMA, 2.0, XGBoostParameter.MAX_DEPTH, 4.0,
                XGBoostParameter.N_ESTIMATORS, 100.0));

        assertThat(p.toNative(0.5)).containsExactlyInAnyOrderEntriesOf(Map.of("gamma", 1.0, "max_depth", 4));
    }
}
