package dev.drydock.trainer.predict;

import java.util.List;

/**
 * A classifier's predictions: every class's probability for every row, and the most probable class.
 *
 * @param classes the classes' names, in the model's order
 * @param probabilities {@code rows x classes} probabilities, row-major
 */
public record Classified(List<String> classes, double[] probabilities) {
    /** Checks the shape. */
    public Classified {
        classes = List.copyOf(classes);
        if (classes.isEmpty() || probabilities.length % classes.size() != 0) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + classes.size() + " classes");
        }
    }

    /** @return the number of rows */
    public int rows() {
        return probabilities.length / classes.size();
    }

    /** @return row {@code row}'s probability of class {@code c} */
    public double probability(int row, int c) {
        return probabilities[row * classes.size() + c];
    }

    /**
     * @return row {@code row}'s predicted class: the most probable (the earlier class on a tie; for two classes the
     *     second when its probability exceeds 0.5, as the metrics count it)
     */
    public String predictedClass(int row) {
        int best = 0;
        for (int c = 1; c < classes.size(); c++) {
            if (probability(row, c) > probability(row, best)) {
                best = c;
            }
        }
        return classes.get(best);
    }
}
