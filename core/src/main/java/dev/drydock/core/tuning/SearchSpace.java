package dev.drydock.core.tuning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ranges of a tuning job as one unit cube: each range is one coordinate in {@code [0, 1]}. */
final class SearchSpace {
    private final List<ParameterRange> ranges;

    SearchSpace(List<ParameterRange> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    int dimensions() {
        return ranges.size();
    }

    List<ParameterRange> ranges() {
        return ranges;
    }

    /** The hyperparameters at point {@code u}. */
    Map<String, String> valuesAt(double[] u) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < ranges.size(); i++) {
            values.put(ranges.get(i).name(), ranges.get(i).valueAt(u[i]));
        }
        return values;
    }

    /**
     * Where {@code values} lie, or empty when a range's hyperparameter is missing or unreadable (a parent tuning job
     * of another search space, for a transfer-learning warm start).
     */
    Optional<double[]> positionOf(Map<String, String> values) {
        double[] u = new double[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            String value = values.get(ranges.get(i).name());
            if (value == null) {
                return Optional.empty();
            }
            try {
                u[i] = ranges.get(i).positionOf(value);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(u);
    }

    /** Whether coordinate {@code i} is categorical (distances there are "same value or not"). */
    boolean isCategorical(int i) {
        return ranges.get(i) instanceof CategoricalRange;
    }

    /** The snapped point: what {@code u} becomes once turned into values and read back (integers, categories). */
    double[] snap(double[] u) {
        return positionOf(valuesAt(u)).orElse(u);
    }
}
