package dev.drydock.core.tuning;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

class SearchStrategyTest {

    @Test
    void grid_proposesEveryCombinationOnceThenNothing() {
        SearchSpace space = new SearchSpace(List.of(new CategoricalRange("a", List.of("1", "2", "3")),
                new CategoricalRange("b", List.of("x", "y"))));
        GridSearch grid = new GridSearch(space);
        List<Map<String, String>> pending = new ArrayList<>();
        List<Observation> observed = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            Map<String, String> next = grid.next(n, observed, pending).orElseThrow();
            // half the proposals finish, half stay pending: neither may be proposed again
            if (n % 2 == 0) {
                observed.add(new Observation(next, n));
            } else {
                pending.add(next);
            }
        }
        Set<Map<String, String>> seen = new HashSet<>(pending);
        observed.forEach(o -> seen.add(o.hyperparameters()));
        assertThat(seen).hasSize(6);
        assertThat(grid.next(7, observed, pending)).isEmpty();
    }

    @Test
    void random_logarithmicScale_spreadsEvenlyOverOrdersOfMagnitude() {
        SearchSpace space = new SearchSpace(List.of(new ContinuousRange("eta", 0.001, 1.0, ScalingType.LOGARITHMIC)));
        RandomSearch random = new RandomSearch(space, 42);
        int[] decades = new int[3];
        for (int n = 1; n <= 3000; n++) {
            double value = Double.parseDouble(random.next(n, List.of(), List.of()).orElseThrow().get("eta"));
            assertThat(value).isBetween(0.001, 1.0);
            decades[(int) Math.min(2, Math.floor(Math.log10(value / 0.001)))]++;
        }
        // Linear draws would put ~90% in the top decade; on a log scale each decade gets a third.
        for (int count : decades) {
            assertThat(count).isBetween(850, 1150);
        }
    }

    @Test
    void random_linearScale_spreadsEvenly_andAutoPicksLogForWideRanges() {
        SearchSpace linear = new SearchSpace(List.of(new ContinuousRange("x", 0, 10, ScalingType.LINEAR)));
        RandomSearch random = new RandomSearch(linear, 1);
        int below1 = 0;
        for (int n = 1; n <= 2000; n++) {
            if (Double.parseDouble(random.next(n, List.of(), List.of()).orElseThrow().get("x")) < 1) {
                below1++;
            }
        }
        assertThat(below1).isBetween(140, 260);
        assertThat(Scales.resolve(ScalingType.AUTO, 0.001, 1)).isEqualTo(ScalingType.LOGARITHMIC);
        assertThat(Scales.resolve(ScalingType.AUTO, 1, 10)).isEqualTo(ScalingType.LINEAR);
    }

    @Test
    void random_reverseLogarithmic_isDenseNearOne() {
        SearchSpace space = new SearchSpace(List.of(new ContinuousRange("beta", 0.9, 0.9999, ScalingType.REVERSE_LOGARITHMIC)));
        RandomSearch random = new RandomSearch(space, 3);
        int above99 = 0;
        for (int n = 1; n <= 2000; n++) {
            if (Double.parseDouble(random.next(n, List.of(), List.of()).orElseThrow().get("beta")) > 0.99) {
                above99++;
            }
        }
        // 1 - x spans 0.1 .. 0.0001, three decades: above 0.99 is two of them.
        assertThat(above99).isBetween(1200, 1450);
    }

    @Test
    void integer_coversEveryValueIncludingTheEnds() {
        IntegerRange range = new IntegerRange("depth", 2, 5, ScalingType.LINEAR);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i <= 100; i++) {
            seen.add(range.valueAt(i / 100.0));
        }
        assertThat(seen).containsExactlyInAnyOrder("2", "3", "4", "5");
        assertThat(range.valueAt(range.positionOf("4"))).isEqualTo("4");
    }

    @Test
    void random_isRepeatableForTheSameSeedAndTrialNumber() {
        SearchSpace space = new SearchSpace(List.of(new ContinuousRange("x", 0, 1, ScalingType.LINEAR)));
        assertThat(new RandomSearch(space, 5).next(3, List.of(), List.of()))
                .isEqualTo(new RandomSearch(space, 5).next(3, List.of(), List.of()))
                .isNotEqualTo(new RandomSearch(space, 5).next(4, List.of(), List.of()));
    }

    /** Branin on x1 in [-5, 10], x2 in [0, 15]; its minimum is 0.397887. */
    static double branin(Map<String, String> p) {
        double x1 = Double.parseDouble(p.get("x1"));
        double x2 = Double.parseDouble(p.get("x2"));
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        return Math.pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
    }

    @Test
    void bayesian_beatsRandomOnBranin_withTheSameBudget() {
        SearchSpace space = new SearchSpace(List.of(new ContinuousRange("x1", -5, 10, ScalingType.LINEAR),
                new ContinuousRange("x2", 0, 15, ScalingType.LINEAR)));
        int budget = 30;
        double bayesWorse = 0;
        double bayesTotal = 0;
        double randomTotal = 0;
        for (long seed = 1; seed <= 5; seed++) {
            double bayes = bestOf(new BayesianSearch(space, seed), budget, SearchStrategyTest::branin);
            double random = bestOf(new RandomSearch(space, seed), budget, SearchStrategyTest::branin);
            bayesTotal += bayes;
            randomTotal += random;
            bayesWorse += bayes > random ? 1 : 0;
        }
        assertThat(bayesTotal / 5).as("mean best of Bayesian").isLessThan(0.6);
        assertThat(bayesTotal).isLessThan(randomTotal / 2);
        assertThat(bayesWorse).as("seeds where random won").isLessThanOrEqualTo(1);
    }

    @Test
    void bayesian_parallelProposals_doNotRepeatThePendingPoint() {
        SearchSpace space = new SearchSpace(List.of(new ContinuousRange("x1", -5, 10, ScalingType.LINEAR),
                new ContinuousRange("x2", 0, 15, ScalingType.LINEAR)));
        BayesianSearch bayes = new BayesianSearch(space, 9);
        List<Observation> observed = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            Map<String, String> p = bayes.next(n, observed, List.of()).orElseThrow();
            observed.add(new Observation(p, branin(p)));
        }
        Map<String, String> first = bayes.next(11, observed, List.of()).orElseThrow();
        Map<String, String> second = bayes.next(12, observed, List.of(first)).orElseThrow();
        assertThat(second).isNotEqualTo(first);
    }

    private static double bestOf(SearchStrategy strategy, int budget, ToDoubleFunction<Map<String, String>> f) {
        List<Observation> observed = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int n = 1; n <= budget; n++) {
            Map<String, String> p = strategy.next(n, observed, List.of()).orElseThrow();
            double value = f.applyAsDouble(p);
            observed.add(new Observation(p, value));
            best = Math.min(best, value);
        }
        return best;
    }
}
