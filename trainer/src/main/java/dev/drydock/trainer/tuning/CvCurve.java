package dev.drydock.trainer.tuning;

import java.util.Arrays;

/**
 * The mean validation error over the folds after each boosting round: one fit to R rounds scores every round
 * count up to R, exactly as separate fits would (boosting is sequential and seeded, so the first r trees of an
 * R-tree fit are an r-tree fit).
 *
 * @param meanError mean validation error after round 1, 2, ...; as long as the fit went (early stopping may
 *     end it early)
 */
public record CvCurve(double[] meanError) {
    /** Checks that there is at least one round. */
    public CvCurve {
        if (meanError.length == 0) {
            throw new IllegalArgumentException("a curve has at least one round");
        }
    }

    /** @return the number of rounds evaluated */
    public int length() {
        return meanError.length;
    }

    /**
     * @param rounds a round count, 1 to {@link #length()}
     * @return the mean validation error after that many rounds
     */
    public double at(int rounds) {
        return meanError[rounds - 1];
    }

    /** @return the round count with the lowest error (the earliest on ties) */
    public int bestRounds() {
        int best = 0;
        for (int i = 1; i < meanError.length; i++) {
            if (meanError[i] < meanError[best]) {
                best = i;
            }
        }
        return best + 1;
    }

    /** @return the lowest error */
    public double best() {
        return at(bestRounds());
    }

    @Override
    public String toString() {
        return "CvCurve[rounds=" + length() + ", best=" + best() + " at " + bestRounds() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CvCurve c && Arrays.equals(meanError, c.meanError);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(meanError);
    }
}
