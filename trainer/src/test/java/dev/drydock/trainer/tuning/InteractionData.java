package dev.drydock.trainer.tuning;

import java.util.Random;

/** Small synthetic regression data for tuner tests: y = 2 x0 x1 + x2 + noise, which stumps cannot learn. */
final class InteractionData {
    private InteractionData() {
    }

    /** {@code rows} rows of three Gaussian features, reproducible from {@code seed}; fits take milliseconds. */
    static Dataset of(int rows, long seed) {
        Random r = new Random(seed);
        float[] x = new float[rows * 3];
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < 3; c++) {
                x[i * 3 + c] = (float) r.nextGaussian();
            }
            y[i] = (float) (2 * x[i * 3] * x[i * 3 + 1] + x[i * 3 + 2] + 0.1 * r.nextGaussian());
        }
        return new Dataset(x, y, 3);
    }
}
