package dev.drydock.core;

import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobOutcome;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.StatusTransition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a user's listener and logs, rather than propagates, what it throws: a listener bug must not lose a job. */
final class SafeListener implements JobListener {
    private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);

    private final JobListener delegate;

    private SafeListener(JobListener delegate) {
        this.delegate = delegate;
    }

    static JobListener wrap(JobListener listener) {
        if (listener == null) {
            return JobListener.none();
        }
        return listener instanceof SafeListener ? listener : new SafeListener(listener);
    }

    private void guarded(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("job listener failed in {}; ignoring it and going on", what, e);
        }
    }

    @Override
    public void onPhase(WorkflowPhase phase, String detail) {
        guarded("onPhase", () -> delegate.onPhase(phase, detail));
    }

    @Override
    public void onSubmitted(JobDescription description) {
        guarded("onSubmitted", () -> delegate.onSubmitted(description));
    }

    @Override
    public void onStateChanged(JobDescription description, JobState previous) {
        guarded("onStateChanged", () -> delegate.onStateChanged(description, previous));
    }

    @Override
    public void onStatusTransition(JobDescription description, StatusTransition transition) {
        guarded("onStatusTransition", () -> delegate.onStatusTransition(description, transition));
    }

    @Override
    public void onLog(LogEvent event) {
        guarded("onLog", () -> delegate.onLog(event));
    }

    @Override
    public void onEnded(JobOutcome outcome) {
        guarded("onEnded", () -> delegate.onEnded(outcome));
    }
}
