package dev.drydock.core.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Bayesian optimisation: a few random trials, then the point of highest expected improvement under a
 * {@link GaussianProcess} fitted to the results. Trials still running count with the mean result so far (the
 * "constant liar"), so that parallel trials spread out instead of all probing the same point.
 */
final class BayesianSearch implements SearchStrategy {
    private static final int RANDOM_CANDIDATES = 2000;
    private static final int LOCAL_CANDIDATES = 300;

    private final SearchSpace space;
    private final long seed;

    BayesianSearch(SearchSpace space, long seed) {
        this.space = space;
        this.seed = seed;
    }

    /** How many results there must be before the model is trusted: random trials come first. */
    int initialTrials() {
        return Math.max(3, Math.min(10, 2 * space.dimensions() + 1));
    }

    @Override
    public Optional<Map<String, String>> next(int number, List<Observation> observed, List<Map<String, String>> pending) {
        List<double[]> points = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (Observation o : observed) {
            if (Double.isFinite(o.loss())) {
                space.positionOf(o.hyperparameters()).ifPresent(u -> {
                    points.add(u);
                    losses.add(o.loss());
                });
            }
        }
        if (points.size() + pending.size() < initialTrials() || points.isEmpty()) {
            return Optional.of(space.valuesAt(RandomSearch.draw(space, seed, number)));
        }
        double best = losses.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double lie = losses.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        for (Map<String, String> p : pending) {
            space.positionOf(p).ifPresent(u -> {
                points.add(u);
                losses.add(lie);
            });
        }
        GaussianProcess gp = new GaussianProcess(space, points, losses);
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + number);
        double[] chosen = null;
        double chosenValue = Double.NEGATIVE_INFINITY;
        List<double[]> candidates = new ArrayList<>();
        for (int i = 0; i < RANDOM_CANDIDATES; i++) {
            double[] u = new double[space.dimensions()];
            for (int d = 0; d < u.length; d++) {
                u[d] = random.nextDouble();
            }
            candidates.add(u);
        }
        double[] incumbent = points.get(losses.indexOf(best));
        for (int i = 0; i < LOCAL_CANDIDATES; i++) {
            double[] u = incumbent.clone();
            double width = i < LOCAL_CANDIDATES / 2 ? 0.02 : 0.1;
            for (int d = 0; d < u.length; d++) {
                u[d] = Math.min(1, Math.max(0, u[d] + width * gaussian(random)));
            }
            candidates.add(u);
        }
        for (double[] candidate : candidates) {
            double[] u = space.snap(candidate);
            if (isKnown(u, points)) {
                continue;
            }
            double ei = gp.expectedImprovement(u, best);
            if (ei > chosenValue) {
                chosenValue = ei;
                chosen = u;
            }
        }
        return Optional.of(space.valuesAt(chosen != null ? chosen : RandomSearch.draw(space, seed, number)));
    }

    private static boolean isKnown(double[] u, List<double[]> points) {
        for (double[] p : points) {
            double sum = 0;
            for (int d = 0; d < u.length; d++) {
                sum += Math.abs(p[d] - u[d]);
            }
            if (sum < 1e-9) {
                return true;
            }
        }
        return false;
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = Math.max(1e-12, random.nextDouble());
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
