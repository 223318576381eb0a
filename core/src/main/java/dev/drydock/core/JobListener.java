package dev.drydock.core;

import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobOutcome;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.StatusTransition;

import java.util.Arrays;
import java.util.List;

/**
 * Hears what happens to a job, for progress displays and applications that react to events. Every method has an
 * empty default; implement the ones you need.
 *
 * <p>Job events ({@link #onStateChanged}, {@link #onStatusTransition}, {@link #onLog}, {@link #onEnded}) come from
 * one follower thread per job, in order. Workflow phases and {@link #onSubmitted} come from the thread that calls
 * {@link Drydock#submit}, and the phases of collecting the model ({@link WorkflowPhase#DOWNLOADING_MODEL},
 * {@link WorkflowPhase#DONE}) from the thread that calls {@link TrainingJob#trainedModel()}, after
 * {@link #onEnded}. A listener that throws is logged and skipped; it never stops the job or the following of it.
 * Keep calls short: the follower waits for them.
 */
public interface JobListener {

    /** A workflow step began; {@code detail} says what it works on (an image name, a path, a job name). */
    default void onPhase(WorkflowPhase phase, String detail) {
    }

    /** The backend accepted the job. */
    default void onSubmitted(JobDescription description) {
    }

    /** The job's state changed from {@code previous}. */
    default void onStateChanged(JobDescription description, JobState previous) {
    }

    /** The job entered a new secondary status. */
    default void onStatusTransition(JobDescription description, StatusTransition transition) {
    }

    /** The job's container wrote a line. */
    default void onLog(LogEvent event) {
    }

    /** The job ended; no further job events follow for it (only the phases of collecting its model). */
    default void onEnded(JobOutcome outcome) {
    }

    /** A listener that does nothing. */
    static JobListener none() {
        return new JobListener() {
        };
    }

    /**
     * A listener that forwards each call to every one of {@code listeners}, in order; one that throws is logged and
     * skipped, and the others still hear the call.
     */
    static JobListener all(JobListener... listeners) {
        List<JobListener> copy = Arrays.stream(listeners).map(SafeListener::wrap).toList();
        return new JobListener() {
            @Override
            public void onPhase(WorkflowPhase phase, String detail) {
                copy.forEach(l -> l.onPhase(phase, detail));
            }

            @Override
            public void onSubmitted(JobDescription description) {
                copy.forEach(l -> l.onSubmitted(description));
            }

            @Override
            public void onStateChanged(JobDescription description, JobState previous) {
                copy.forEach(l -> l.onStateChanged(description, previous));
            }

            @Override
            public void onStatusTransition(JobDescription description, StatusTransition transition) {
                copy.forEach(l -> l.onStatusTransition(description, transition));
            }

            @Override
            public void onLog(LogEvent event) {
                copy.forEach(l -> l.onLog(event));
            }

            @Override
            public void onEnded(JobOutcome outcome) {
                copy.forEach(l -> l.onEnded(outcome));
            }
        };
    }
}
