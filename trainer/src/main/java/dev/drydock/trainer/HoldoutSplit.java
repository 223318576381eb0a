package dev.drydock.trainer;

import dev.drydock.contract.TrainingException;
import dev.drydock.trainer.data.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The rows held out from tuning to score the final model once, on houses it never saw.
 *
 * @param training rows to tune and fit on
 * @param holdout held-out rows, or {@code null} when nothing is held out
 */
record HoldoutSplit(Table training, Table holdout) {

    /** @return no hold-out */
    static HoldoutSplit none(Table table) {
        return new HoldoutSplit(table, null);
    }

    /**
     * @param table all rows
     * @param fraction the share held out, rounded up (as scikit-learn's train_test_split does)
     * @param seed shuffle seed
     * @return a seeded random split
     */
    static HoldoutSplit seeded(Table table, double fraction, long seed) {
        if (fraction <= 0) {
            return none(table);
        }
        int n = table.rowCount();
        int held = (int) Math.ceil(n * fraction);
        if (held >= n) {
            throw new TrainingException("holdout_fraction=" + fraction + " leaves no training row out of " + n);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed ^ 0x5DEECE66DL));
        int[] holdout = order.subList(0, held).stream().sorted().mapToInt(Integer::intValue).toArray();
        int[] training = order.subList(held, n).stream().sorted().mapToInt(Integer::intValue).toArray();
        return new HoldoutSplit(table.select(training), table.select(holdout));
    }

    /**
     * @param table all rows
     * @param idColumn the id column
     * @param ids the ids to hold out
     * @param source where the ids came from, for messages
     * @return the rows with those ids held out
     */
    static HoldoutSplit byIds(Table table, String idColumn, Set<String> ids, String source) {
        if (!table.has(idColumn)) {
            throw new TrainingException("holdout_ids needs the id column \"" + idColumn + "\", which the data lacks;"
                    + " set id_column");
        }
        String[] column = table.column(idColumn);
        List<Integer> held = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int r = 0; r < column.length; r++) {
            String id = column[r].trim();
            if (ids.contains(id)) {
                held.add(r);
            } else {
                kept.add(r);
            }
        }
        if (held.isEmpty()) {
            throw new TrainingException("none of the " + ids.size() + " ids in " + source + " is in the training data");
        }
        if (kept.isEmpty()) {
            throw new TrainingException("the ids in " + source + " hold out every training row");
        }
        return new HoldoutSplit(table.select(kept.stream().mapToInt(Integer::intValue).toArray()),
                table.select(held.stream().mapToInt(Integer::intValue).toArray()));
    }
}
