package dev.drydock.trainer.tuning;

import dev.drydock.contract.ProgressLine;
import java.util.function.Consumer;

/** Counts finished trials and prints a {@link ProgressLine} after each. Thread-safe. */
final class ProgressReporter {
    private final Consumer<String> out;
    private final long startNanos;
    private final int planned;
    private final FoldScore score;
    private int done;
    private double best = Double.NaN;

    ProgressReporter(Consumer<String> out, int planned, FoldScore score) {
        this.out = out;
        this.planned = planned;
        this.score = score;
        this.startNanos = System.nanoTime();
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    synchronized void trialDone(double cvScore) {
        done++;
        if (score.direction().isBetter(cvScore, best)) {
            best = cvScore;
        }
        double elapsed = elapsedSeconds();
        double eta = elapsed / done * Math.max(0, planned - done);
        out.accept(new ProgressLine(done, planned, "cv_" + score.name(), best, elapsed, eta).format());
    }
}
