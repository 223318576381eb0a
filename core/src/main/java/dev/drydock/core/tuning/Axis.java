package dev.drydock.core.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One axis of an {@link SvgChart}: a numeric range, linear or logarithmic, or categories evenly spaced (a value is
 * then the category's index).
 *
 * @param label      the axis title
 * @param min        the smallest value shown
 * @param max        the largest value shown
 * @param log        whether values are placed by their logarithm
 * @param categories the categories, in order, or empty for a numeric axis
 */
record Axis(String label, double min, double max, boolean log, List<String> categories) {
    private static final int TICKS = 5;

    /** One labelled tick. */
    record Tick(double value, String label) {
    }

    Axis {
        categories = List.copyOf(categories);
    }

    /**
     * A numeric axis that shows every value with a margin. Logarithmic when every value is positive and they span a
     * factor of 10 or more, as a learning rate does: on a linear axis its small values would crowd one corner.
     */
    static Axis numeric(String label, List<Double> values) {
        double lo = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double hi = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (lo > 0 && hi / lo >= 10) {
            double pad = Math.pow(hi / lo, 0.05);
            return new Axis(label, lo / pad, hi * pad, true, List.of());
        }
        return numericLinear(label, values);
    }

    /** A linear numeric axis that shows every value with a margin (times, objectives). */
    static Axis numericLinear(String label, List<Double> values) {
        double lo = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double hi = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double pad = hi > lo ? (hi - lo) * 0.05 : Math.max(Math.abs(lo) * 0.1, 1e-3);
        return new Axis(label, lo - pad, hi + pad, false, List.of());
    }

    /** An axis of categories, in the order given. */
    static Axis categorical(String label, List<String> categories) {
        return new Axis(label, 0, Math.max(0, categories.size() - 1), false, categories);
    }

    /** Where {@code value} lies between the ends, in {@code [0, 1]}. */
    double position(double value) {
        if (!categories.isEmpty()) {
            return (value + 0.5) / categories.size();
        }
        if (log) {
            return (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min));
        }
        return (value - min) / (max - min);
    }

    List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        if (!categories.isEmpty()) {
            for (int i = 0; i < categories.size(); i++) {
                ticks.add(new Tick(i, categories.get(i)));
            }
            return ticks;
        }
        for (int i = 0; i < TICKS; i++) {
            double u = (i + 0.5) / TICKS;
            double value = log ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min);
            ticks.add(new Tick(value, String.format(Locale.ROOT, "%.3g", value)));
        }
        return ticks;
    }
}
