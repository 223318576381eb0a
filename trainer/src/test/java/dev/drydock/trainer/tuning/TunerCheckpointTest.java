package dev.drydock.trainer.tuning;

import dev.drydock.contract.StopSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A search stopped half way resumes from its checkpoint and ends exactly where an uninterrupted one does. */
class TunerCheckpointTest {
    @TempDir
    Path checkpoints;

    private static Dataset data() {
        return InteractionData.of(300, 7);
    }

    private static SearchSpace space() {
        return SearchSpace.of(Map.of(
                XGBoostParameter.N_ESTIMATORS, List.of(60.0, 120.0),
                XGBoostParameter.MAX_DEPTH, List.of(1.0, 2.0, 3.0),
                XGBoostParameter.MIN_CHILD_WEIGHT, List.of(1.0, 3.0, 5.0),
                XGBoostParameter.GAMMA, List.of(0.0),
                XGBoostParameter.SUBSAMPLE, List.of(0.8, 1.0),
                XGBoostParameter.COLSAMPLE_BYTREE, List.of(1.0)));
    }

    private static Tuner tuner(StopSignal stop) {
        return new Tuner(data(), new TuningOptions(Strategy.HALVING, 3, 11, 3, 0, 10, 1, 1.0, "hist", "rmse"), stop, s -> { });
    }

    @Test
    void tune_whenStoppedThenRunAgainOnItsCheckpoint_takesTheFitsMadeAndEndsAsAnUninterruptedSearch() throws Exception {
        TuningResult uninterrupted = tuner(new StopSignal()).tune(space());

        StopSignal stop = new StopSignal();
        Thread stopper = new Thread(() -> {
            try {
                while (FitCache.files(checkpoints).size() < 4) {
                    Thread.sleep(2);
                }
            } catch (Exception e) {
                return;
            }
            stop.request(); // as SIGTERM would, part way through the first rung
        });
        stopper.start();
        TuningResult stopped = tuner(stop).checkpointIn(checkpoints).tune(space());
        stopper.join();
        assertThat(stopped.stopped()).isTrue();
        int saved = FitCache.files(checkpoints).size();
        assertThat(saved).isGreaterThanOrEqualTo(4);

        Tuner resumed = tuner(new StopSignal()).checkpointIn(checkpoints);
        TuningResult result = resumed.tune(space());

        assertThat(resumed.checkpoint().reused()).as("fits taken from the checkpoint").isEqualTo(saved);
        assertThat(resumed.checkpoint().stored()).as("fits still to make").isPositive();
        assertThat(result.best().params()).isEqualTo(uninterrupted.best().params());
        assertThat(result.best().cvScore()).isEqualTo(uninterrupted.best().cvScore());
        assertThat(result.trials()).extracting(Trial::cvScore)
                .containsExactlyElementsOf(uninterrupted.trials().stream().map(Trial::cvScore).toList());
    }

    @Test
    void tune_whenTheDataDiffers_takesNothingFromAnotherSearchsCheckpoint() {
        tuner(new StopSignal()).checkpointIn(checkpoints).tune(space());
        Dataset other = data();
        other.labels()[0] += 1;

        Tuner second = new Tuner(other, new TuningOptions(Strategy.HALVING, 3, 11, 3, 0, 10, 1, 1.0, "hist", "rmse"),
                new StopSignal(), s -> { }).checkpointIn(checkpoints);
        second.tune(space());

        assertThat(second.checkpoint().reused()).isZero();
    }

    @Test
    void get_whenAnEntryIsDamaged_refitsInsteadOfTrustingIt() throws Exception {
        Tuner first = tuner(new StopSignal()).checkpointIn(checkpoints);
        TuningResult expected = first.tune(space());
        for (Path file : FitCache.files(checkpoints)) {
            Files.writeString(file, "not a curve\n");
        }

        Tuner second = tuner(new StopSignal()).checkpointIn(checkpoints);
        TuningResult result = second.tune(space());

        assertThat(second.checkpoint().reused()).isZero();
        assertThat(result.best().cvScore()).isEqualTo(expected.best().cvScore());
    }
}
