package dev.drydock.trainer.tuning;

import dev.drydock.trainer.objective.Direction;
import java.util.Arrays;

/**
 * The mean validation metric (an error, or a score such as AUC) over the folds after each boosting round: one fit to R rounds scores every round
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
        return bestRounds(Direction.LOWER_IS_BETTER);
    }

    /**
     * @param direction whether lower or higher values are better
     * @return the round count with the best value (the earliest on ties)
     */
    public int bestRounds(Direction direction) {
        int best = 0;
        for (int i = 1; i < meanError.length; i++) {
            if (direction.isBetter(meanError[i], meanError[best])) {
                best = i;
            }
        }
        return best + 1;
    }

    /** @return the lowest error */
    public double best() {
        return at(bestRounds());
    }

    /**
     * @param direction whether lower or higher values are better
     * @return the best value
     */
    public double best(Direction direction) {
        return at(bestRounds(direction));
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
