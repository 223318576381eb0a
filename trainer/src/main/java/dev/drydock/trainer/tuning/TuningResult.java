package dev.drydock.trainer.tuning;

import dev.drydock.trainer.objective.Direction;
import java.util.List;

/**
 * What tuning found.
 *
 * @param strategy the strategy used
 * @param trials every trial scored, by number
 * @param best the trial with the best CV score
 * @param planned the number of trials planned
 * @param stopped whether a stop request cut tuning short
 * @param seconds the wall time of tuning
 * @param metric the name of the metric the trials were scored by ({@code rmsle})
 * @param direction whether lower or higher scores are better
 */
public record TuningResult(Strategy strategy, List<Trial> trials, Trial best, int planned, boolean stopped,
        double seconds, String metric, Direction direction) {
    /** Copies the trials. */
    public TuningResult {
        trials = List.copyOf(trials);
    }
}
