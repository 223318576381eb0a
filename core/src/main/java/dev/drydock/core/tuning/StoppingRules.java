package dev.drydock.core.tuning;

import java.util.ArrayList;
import java.util.List;

/**
 * When the tuner stops a running trial, judged on intermediate objective values as losses (smaller is better): one
 * value per objective line the trial logged so far.
 */
final class StoppingRules {
    /** The median rule needs this many earlier trials that got as far, so that one lucky trial decides nothing. */
    static final int MIN_EARLIER_TRIALS = 3;

    private StoppingRules() {
    }

    /**
     * SageMaker's early stopping (Auto): after its k-th value, a trial is stopped when that value is worse than the
     * median of the earlier trials' running averages of their first k values.
     *
     * @param current the running trial's values
     * @param earlier the values of trials that ended before
     */
    static boolean medianRuleStops(List<Double> current, List<List<Double>> earlier) {
        int k = current.size();
        if (k == 0) {
            return false;
        }
        List<Double> averages = new ArrayList<>();
        for (List<Double> other : earlier) {
            if (other.size() >= k) {
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    sum += other.get(i);
                }
                averages.add(sum / k);
            }
        }
        if (averages.size() < MIN_EARLIER_TRIALS) {
            return false;
        }
        return current.get(k - 1) > median(averages);
    }

    /**
     * Hyperband's successive halving, asynchronous (ASHA): the rungs are {@code minResource * 3^i} below
     * {@code maxResource}. A trial that just reached a rung is stopped unless its value there is among the best third of
     * every trial's value at that rung (at least {@link HyperbandConfig#REDUCTION_FACTOR} trials having reached it).
     *
     * @param current the running trial's values
     * @param others  the values of every other trial of the tuning job, running or ended
     */
    static boolean successiveHalvingStops(HyperbandConfig config, List<Double> current, List<List<Double>> others) {
        int eta = HyperbandConfig.REDUCTION_FACTOR;
        int reached = current.size();
        for (long rung = config.minResource(); rung < config.maxResource(); rung *= eta) {
            if (rung != reached) {
                continue;
            }
            int index = (int) rung - 1;
            double value = current.get(index);
            List<Double> atRung = new ArrayList<>();
            atRung.add(value);
            for (List<Double> other : others) {
                if (other.size() > index) {
                    atRung.add(other.get(index));
                }
            }
            if (atRung.size() < eta) {
                return false;
            }
            atRung.sort(Double::compare);
            int kept = (int) Math.ceil(atRung.size() / (double) eta);
            return value > atRung.get(kept - 1);
        }
        return false;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
