package dev.drydock.core.tuning;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every combination of the categorical ranges once, in order (the last range varying fastest). A combination already
 * run or running (a resumed job, a warm start's parent) is skipped.
 */
final class GridSearch implements SearchStrategy {
    private final List<CategoricalRange> ranges;

    GridSearch(SearchSpace space) {
        this.ranges = space.ranges().stream().map(CategoricalRange.class::cast).toList();
    }

    @Override
    public Optional<Map<String, String>> next(int number, List<Observation> observed, List<Map<String, String>> pending) {
        Set<Map<String, String>> taken = new HashSet<>(pending);
        observed.forEach(o -> taken.add(restricted(o.hyperparameters())));
        long size = 1;
        for (CategoricalRange r : ranges) {
            size *= r.values().size();
        }
        for (long index = 0; index < size; index++) {
            Map<String, String> point = pointAt(index);
            if (!taken.contains(point)) {
                return Optional.of(point);
            }
        }
        return Optional.empty();
    }

    private Map<String, String> pointAt(long index) {
        Map<String, String> point = new LinkedHashMap<>();
        long rest = index;
        int[] digits = new int[ranges.size()];
        for (int i = ranges.size() - 1; i >= 0; i--) {
            int k = ranges.get(i).values().size();
            digits[i] = (int) (rest % k);
            rest /= k;
        }
        for (int i = 0; i < ranges.size(); i++) {
            point.put(ranges.get(i).name(), ranges.get(i).values().get(digits[i]));
        }
        return point;
    }

    private Map<String, String> restricted(Map<String, String> values) {
        Map<String, String> point = new LinkedHashMap<>();
        ranges.forEach(r -> point.put(r.name(), values.get(r.name())));
        return point;
    }
}
