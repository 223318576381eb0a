package dev.drydock.trainer.objective;

/** How training rows of a classifier are weighted against class imbalance ({@code class_weights}). */
public enum ClassWeights {
    /** Every row weighs 1. */
    NONE,
    /**
     * Every class weighs the same in total: a row of class c weighs rows / (classes x rows of c), computed on the rows
     * each model is fitted on (a fold's training rows in cross-validation). Metrics stay unweighted.
     */
    BALANCED;

    /**
     * @param labels class indices, 0 to {@code classes - 1}
     * @param classes the number of classes
     * @return one weight per row
     */
    public float[] weights(float[] labels, int classes) {
        float[] out = new float[labels.length];
        if (this == NONE) {
            java.util.Arrays.fill(out, 1f);
            return out;
        }
        int[] counts = new int[classes];
        for (float label : labels) {
            counts[(int) label]++;
        }
        for (int i = 0; i < labels.length; i++) {
            out[i] = (float) (labels.length / (double) (classes * counts[(int) labels[i]]));
        }
        return out;
    }
}
