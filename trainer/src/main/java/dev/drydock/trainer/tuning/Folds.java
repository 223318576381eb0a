package dev.drydock.trainer.tuning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded k-fold split of row indices: rows are shuffled once with the seed and dealt into k folds of sizes that
 * differ by at most one. The same seed and row count give the same folds.
 */
public final class Folds {
    private final int[] foldOf;
    private final int k;

    private Folds(int[] foldOf, int k) {
        this.foldOf = foldOf;
        this.k = k;
    }

    /**
     * @param rows the number of rows
     * @param k the number of folds, 2 or more and at most rows
     * @param seed the shuffle seed
     * @return the split
     * @throws IllegalArgumentException when k is out of range
     */
    public static Folds split(int rows, int k, long seed) {
        if (k < 2 || k > rows) {
            throw new IllegalArgumentException("folds must be between 2 and the row count " + rows + ", got " + k);
        }
        List<Integer> order = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int[] foldOf = new int[rows];
        for (int position = 0; position < rows; position++) {
            foldOf[order.get(position)] = position % k;
        }
        return new Folds(foldOf, k);
    }

    /**
     * The folds of some of the rows, each keeping the fold it has here: how a host of a distributed job gets its
     * share of the job's folds, so that fold {@code f} over every host is the fold {@code f} of all rows.
     *
     * @param rows row indices of this split, in the order the subset lists its rows
     * @return a split of {@code rows.length} rows
     */
    public Folds subset(int[] rows) {
        int[] sub = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            sub[i] = foldOf[rows[i]];
        }
        return new Folds(sub, k);
    }

    /** @return the number of folds */
    public int count() {
        return k;
    }

    /**
     * @param fold a fold index
     * @return the rows held out in that fold, ascending
     */
    public int[] validation(int fold) {
        return rows(fold, true);
    }

    /**
     * @param fold a fold index
     * @return the rows trained on in that fold (all others), ascending
     */
    public int[] training(int fold) {
        return rows(fold, false);
    }

    private int[] rows(int fold, boolean inFold) {
        int n = 0;
        for (int f : foldOf) {
            n += (f == fold) == inFold ? 1 : 0;
        }
        int[] out = new int[n];
        int i = 0;
        for (int r = 0; r < foldOf.length; r++) {
            if ((foldOf[r] == fold) == inFold) {
                out[i++] = r;
            }
        }
        return out;
    }
}
