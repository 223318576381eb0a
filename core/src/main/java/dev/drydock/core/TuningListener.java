package dev.drydock.core;

import dev.drydock.core.tuning.TrialSummary;
import dev.drydock.core.tuning.TuningJobDescription;

/**
 * Hears a tuning job as its handle follows it. Called on the follower's thread; an exception thrown here is logged
 * and does not stop the following. Every method does nothing by default.
 */
public interface TuningListener {

    /** A trial's training job was started. */
    default void onTrialStarted(TrialSummary trial) {
    }

    /** A running trial reported objective {@code value} (its {@code trial.intermediateObjective()} has grown). */
    default void onObjective(TrialSummary trial, double value) {
    }

    /** A trial ended (Completed, Failed or Stopped; {@link TrialSummary#earlyStopped()} says whether the tuner stopped it). */
    default void onTrialEnded(TrialSummary trial, TuningJobDescription job) {
    }

    /** The tuning job ended. */
    default void onEnded(TuningJobDescription job) {
    }

    /** A listener that does nothing. */
    static TuningListener none() {
        return new TuningListener() {
        };
    }
}
