package dev.drydock.examples.cli;

import dev.drydock.core.Drydock;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.tuning.TrialSummary;
import dev.drydock.core.tuning.TuningJobDescription;
import dev.drydock.core.tuning.TuningJobNotFoundException;

import java.io.PrintStream;
import java.util.Optional;

/** What {@code describe} and {@code stop} do when the name they are given is a tuning job's. */
final class TuningJobs {
    private TuningJobs() {
    }

    /** The tuning job named {@code name}, if there is one (a name that cannot be a tuning job's is none). */
    static Optional<TuningJobDescription> find(Drydock drydock, String name) {
        try {
            return Optional.of(drydock.describeTuning(name));
        } catch (TuningJobNotFoundException | InvalidInputException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    static void print(TuningJobDescription d, PrintStream out) {
        out.println("tuning job " + d.name());
        out.println("status     " + d.status().wireName() + (d.endReason() == null ? "" : " (" + d.endReason() + ")"));
        d.failureReasonIfAny().ifPresent(r -> out.println("reason     " + r));
        out.println("strategy   " + d.strategy().wireName() + ", " + d.objective().type().wireName() + " " + d.objective().metricName());
        out.println("trials     " + d.trials().size() + " of " + d.maxTrials() + ", by state " + d.countsByState()
                + ", stopped early " + d.earlyStoppedCount());
        d.bestTrial().ifPresent(b -> out.println("best       " + b.name() + " = " + b.objective() + " " + b.tunedHyperparameters()));
        for (TrialSummary t : d.trials()) {
            out.println("  " + t.name() + "  " + t.state().wireName() + (t.earlyStopped() ? " (early)" : "") + "  "
                    + (t.objective() == null ? "-" : t.objective()) + "  " + t.tunedHyperparameters());
        }
    }
}
