package dev.drydock.testkit.workflow;

import dev.drydock.core.JobListener;
import dev.drydock.core.WorkflowPhase;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobOutcome;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.SecondaryStatus;
import dev.drydock.core.model.StatusTransition;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a {@link JobListener} hears, for assertions. */
final class RecordingListener implements JobListener {
    final List<WorkflowPhase> phases = new CopyOnWriteArrayList<>();
    final List<SecondaryStatus> statuses = new CopyOnWriteArrayList<>();
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<JobDescription> submitted = new CopyOnWriteArrayList<>();
    final List<JobOutcome> ended = new CopyOnWriteArrayList<>();

    @Override
    public void onPhase(WorkflowPhase phase, String detail) {
        phases.add(phase);
    }

    @Override
    public void onSubmitted(JobDescription description) {
        submitted.add(description);
    }

    @Override
    public void onStatusTransition(JobDescription description, StatusTransition transition) {
        statuses.add(transition.status());
    }

    @Override
    public void onLog(LogEvent event) {
        lines.add(event.host() + ": " + event.message());
    }

    @Override
    public void onEnded(JobOutcome outcome) {
        ended.add(outcome);
    }
}
