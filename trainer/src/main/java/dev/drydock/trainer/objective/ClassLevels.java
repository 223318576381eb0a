package dev.drydock.trainer.objective;

import dev.drydock.contract.TrainingException;
import dev.drydock.trainer.data.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The levels of a classifier's target, in a fixed order: class {@code i} is {@code levels.get(i)}. The order is
 * numeric when every level is a number ({@code 2 < 10}), otherwise by the levels' text; so the same data always gives
 * the same indices, and for a binary target the second level ({@code 1}, {@code true}, {@code yes}) is the positive
 * class whose probability the model predicts. Saved with the model, so that the predictor names the classes.
 *
 * @param levels the classes' names, at least two, distinct
 */
public record ClassLevels(List<String> levels) {
    /** Checks and copies. */
    public ClassLevels {
        levels = List.copyOf(levels);
        if (levels.size() < 2) {
            throw new IllegalArgumentException("a classifier needs at least two levels, got " + levels);
        }
        if (new TreeSet<>(levels).size() != levels.size()) {
            throw new IllegalArgumentException("levels repeat: " + levels);
        }
    }

    /**
     * @param rows the training rows (values are trimmed; an empty one is an error)
     * @param target the target column
     * @param idColumn the id column (for the message), or {@code null}
     * @return the levels present, ordered as the class explains
     * @throws TrainingException when a value is missing or there is only one level
     */
    public static ClassLevels fit(Table rows, String target, String idColumn) {
        TreeSet<String> distinct = new TreeSet<>();
        String[] values = rows.column(target);
        for (int i = 0; i < values.length; i++) {
            String v = values[i] == null ? "" : values[i].trim();
            if (v.isEmpty()) {
                throw new TrainingException("target column \"" + target + "\" has no value in "
                        + rows.describeRow(i, idColumn) + ": a classifier needs a class in every row (drop the row or"
                        + " give it a class)");
            }
            distinct.add(v);
        }
        if (distinct.size() < 2) {
            throw new TrainingException("target column \"" + target + "\" has only the level " + distinct
                    + ": a classifier needs at least two classes");
        }
        List<String> ordered = new ArrayList<>(distinct);
        if (ordered.stream().allMatch(ClassLevels::isNumber)) {
            ordered.sort(Comparator.comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder()));
        }
        return new ClassLevels(ordered);
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** @return the number of classes */
    public int count() {
        return levels.size();
    }

    /**
     * @param rows rows with the target column
     * @param target the target column
     * @param idColumn the id column (for the message), or {@code null}
     * @return each row's class index
     * @throws TrainingException naming a row whose value is not one of the levels (a class unseen in training)
     */
    public float[] indices(Table rows, String target, String idColumn) {
        if (!rows.has(target)) {
            throw new TrainingException("target column \"" + target + "\" is missing from the data");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            index.put(levels.get(i), i);
        }
        String[] values = rows.column(target);
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            Integer c = values[i] == null ? null : index.get(values[i].trim());
            if (c == null) {
                throw new TrainingException("target column \"" + target + "\" has the value \"" + values[i] + "\" in "
                        + rows.describeRow(i, idColumn) + ", which is not one of the classes of the training rows "
                        + levels + ": every class must occur in the training data");
            }
            out[i] = c;
        }
        return out;
    }
}
