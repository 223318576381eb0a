package dev.drydock.core.tuning;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Chooses the next trial's hyperparameters from what is known. */
interface SearchStrategy {

    /**
     * The hyperparameters of trial {@code number} (1-based), or empty when the strategy has nothing left to try.
     *
     * @param observed the finished trials with an objective (and a warm start's parents' trials)
     * @param pending  the hyperparameters of trials started and not yet finished
     */
    Optional<Map<String, String>> next(int number, List<Observation> observed, List<Map<String, String>> pending);

    /** The strategy of {@code spec}; draws are seeded by {@code seed} and the trial number, so a resume repeats them. */
    static SearchStrategy of(TuningJobSpec spec, long seed) {
        SearchSpace space = new SearchSpace(spec.ranges());
        switch (spec.strategy()) {
            case GRID:
                return new GridSearch(space);
            case BAYESIAN:
                return new BayesianSearch(space, seed);
            case RANDOM:
            case HYPERBAND:
            default:
                return new RandomSearch(space, seed);
        }
    }
}
