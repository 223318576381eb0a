package dev.drydock.core.tuning;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Independent uniform draws of each coordinate, so each range is sampled evenly on its own scale. */
final class RandomSearch implements SearchStrategy {
    private final SearchSpace space;
    private final long seed;

    RandomSearch(SearchSpace space, long seed) {
        this.space = space;
        this.seed = seed;
    }

    @Override
    public Optional<Map<String, String>> next(int number, List<Observation> observed, List<Map<String, String>> pending) {
        return Optional.of(space.valuesAt(draw(space, seed, number)));
    }

    /** The point of trial {@code number}: the same for the same seed and number, whatever ran before. */
    static double[] draw(SearchSpace space, long seed, int number) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + number);
        double[] u = new double[space.dimensions()];
        for (int i = 0; i < u.length; i++) {
            u[i] = random.nextDouble();
        }
        return u;
    }
}
