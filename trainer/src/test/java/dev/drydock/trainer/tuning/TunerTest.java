package dev.drydock.trainer.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.contract.ProgressLine;
import dev.drydock.contract.StopSignal;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TunerTest {
        private static Dataset data() {
        return InteractionData.of(200, 5);
    }

    private static SearchSpace space() {
        return SearchSpace.of(Map.of(
                XGBoostParameter.N_ESTIMATORS, List.of(20.0, 90.0),
                XGBoostParameter.LEARNING_RATE, List.of(0.3),
                XGBoostParameter.MAX_DEPTH, List.of(1.0, 3.0),
                XGBoostParameter.MIN_CHILD_WEIGHT, List.of(1.0, 5.0),
                XGBoostParameter.GAMMA, List.of(0.0),
                XGBoostParameter.SUBSAMPLE, List.of(1.0),
                XGBoostParameter.COLSAMPLE_BYTREE, List.of(1.0)));
    }

    private static TuningOptions options(Strategy strategy, int maxTrials) {
        return new TuningOptions(strategy, 3, 11, 3, maxTrials, 10, 2, 1.0, "hist", "rmse");
    }

    private static TuningResult tune(Strategy strategy, int maxTrials, List<String> log) {
        return new Tuner(data(), options(strategy, maxTrials), new StopSignal(), log::add).tune(space());
    }

    @Test
    void tune_whenGrid_scoresEveryConfigurationAndPrefersDeeperTrees() {
        List<String> log = new ArrayList<>();

        TuningResult result = tune(Strategy.GRID, 0, log);

        assertThat(result.trials()).hasSize(8).extracting(Trial::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(result.best().params().values().get(XGBoostParameter.MAX_DEPTH)).isEqualTo(3.0);
        assertThat(result.best().cvScore()).isLessThan(1.5); // the target's spread is about 2.2
        assertThat(log.stream().filter(l -> l.startsWith("progress "))).hasSize(8)
                .allSatisfy(l -> assertThat(ProgressLine.parse(l)).isPresent());
        assertThat(ProgressLine.parse(log.get(log.size() - 1)).orElseThrow().trial()).isEqualTo(8);
    }

    @Test
    void tune_whenGridRoundsShareOneFit_scoreMatchesSeparateFit() {
        TuningResult grid = tune(Strategy.GRID, 0, new ArrayList<>());
        Trial twenty = grid.trials().stream().filter(t -> t.params().rounds() == 20).findFirst().orElseThrow();
        SearchSpace only = SearchSpace.of(Map.of(
                XGBoostParameter.N_ESTIMATORS, List.of(20.0), XGBoostParameter.LEARNING_RATE, List.of(0.3),
                XGBoostParameter.MAX_DEPTH, List.of(twenty.params().values().get(XGBoostParameter.MAX_DEPTH)),
                XGBoostParameter.MIN_CHILD_WEIGHT, List.of(twenty.params().values().get(XGBoostParameter.MIN_CHILD_WEIGHT)),
                XGBoostParameter.GAMMA, List.of(0.0), XGBoostParameter.SUBSAMPLE, List.of(1.0),
                XGBoostParameter.COLSAMPLE_BYTREE, List.of(1.0)));

        TuningResult separate = new Tuner(data(), options(Strategy.GRID, 0), new StopSignal(), s -> { }).tune(only);

        assertThat(separate.best().cvScore()).isEqualTo(twenty.cvScore());
    }

    @Test
    void tune_whenRandom_scoresSamplesOnly() {
        TuningResult result = tune(Strategy.RANDOM, 0, new ArrayList<>());

        assertThat(result.trials()).hasSize(3);
        assertThat(result.planned()).isEqualTo(3);
    }

    @Test
    void tune_whenHalving_narrowsToFewerConfigurationsPerRung() {
        TuningResult result = tune(Strategy.HALVING, 0, new ArrayList<>());

        // 4 configurations without n_estimators; 90 rounds allow one halving: 4 at 30 rounds, then 2 at 90.
        assertThat(result.trials()).extracting(Trial::rung).containsExactly(0, 0, 0, 0, 1, 1);
        assertThat(result.best().params().rounds()).isBetween(1, 90);
    }

    @Test
    void tune_whenSameSeed_isReproducible() {
        TuningResult a = tune(Strategy.HALVING, 0, new ArrayList<>());
        TuningResult b = tune(Strategy.HALVING, 0, new ArrayList<>());

        assertThat(a.trials()).extracting(Trial::cvScore).containsExactlyElementsOf(
                b.trials().stream().map(Trial::cvScore).toList());
    }

    @Test
    void tune_whenMaxTrials_considersThatManyConfigurations() {
        assertThat(tune(Strategy.GRID, 3, new ArrayList<>()).trials()).hasSize(3);
    }

    @Test
    void tune_whenStopRequestedBeforeStart_throwsNothingScored() {
        StopSignal stop = new StopSignal();
        stop.request();

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                new Tuner(data(), options(Strategy.GRID, 0), stop, s -> { }).tune(space()))
                .hasMessageContaining("stopped before any configuration was scored");
    }

    @Test
    void tune_whenATrialFails_returnsOnlyAfterTheOtherWorkersFinishedTheirFits() throws InterruptedException {
        AtomicBoolean returned = new AtomicBoolean();
        List<String> linesAfterReturn = new CopyOnWriteArrayList<>();
        AtomicInteger progressLines = new AtomicInteger();
        Consumer<String> log = line -> {
            if (returned.get()) {
                linesAfterReturn.add(line);
            }
            if (line.startsWith("progress ") && progressLines.incrementAndGet() == 1) {
                throw new IllegalStateException("the log sink failed");
            }
        };

        assertThatThrownBy(() -> new Tuner(data(), options(Strategy.GRID, 0), new StopSignal(), log).tune(space()))
                .hasMessageContaining("the log sink failed");
        returned.set(true);
        Thread.sleep(300);

        // A fit still running after tune returned would use fold matrices that tune had already freed.
        assertThat(linesAfterReturn).isEmpty();
    }
}
