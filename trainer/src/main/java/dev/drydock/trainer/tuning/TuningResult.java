package dev.drydock.trainer.tuning;

import java.util.List;

/**
 * What tuning found.
 *
 * @param strategy the strategy used
 * @param trials every trial scored, by number
 * @param best the trial with the lowest CV RMSLE
 * @param planned the number of trials planned
 * @param stopped whether a stop request cut tuning short
 * @param seconds the wall time of tuning
 */
public record TuningResult(Strategy strategy, List<Trial> trials, Trial best, int planned, boolean stopped,
        double seconds) {
    /** Copies the trials. */
    public TuningResult {
        trials = List.copyOf(trials);
    }
}
