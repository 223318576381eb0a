package dev.drydock.examples.progress;

import dev.drydock.core.JobListener;
import dev.drydock.core.WorkflowPhase;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobOutcome;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.StatusTransition;
import dev.drydock.contract.ProgressLine;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Shows a job as it runs: workflow steps and status transitions as lines, log lines below, and the tuning progress
 * (trial k of n, best CV RMSLE so far, elapsed and remaining time) as a bar that is redrawn in place on a terminal
 * and printed as a plain line at most every few seconds elsewhere.
 */
public final class ProgressDisplay implements JobListener {
    private static final Duration PLAIN_PROGRESS_EVERY = Duration.ofSeconds(5);

    private final Terminal terminal;
    private final boolean showLogs;
    private final Instant started = Instant.now();
    private ProgressLine progress;
    private boolean barShown;
    private Instant lastPlainProgress = Instant.EPOCH;

    /**
     * @param terminal where to draw
     * @param showLogs whether to print the container's log lines (progress lines are always folded into the bar)
     */
    public ProgressDisplay(Terminal terminal, boolean showLogs) {
        this.terminal = terminal;
        this.showLogs = showLogs;
    }

    @Override
    public synchronized void onPhase(WorkflowPhase phase, String detail) {
        line(String.format(Locale.ROOT, "%-17s %s", label(phase), detail));
    }

    @Override
    public synchronized void onSubmitted(JobDescription description) {
        line("job               " + description.name() + " submitted");
    }

    @Override
    public synchronized void onStatusTransition(JobDescription description, StatusTransition transition) {
        // The description is the job's latest, which may be past this transition: show the transition's own status.
        // A failed transition's message carries the failure reason, which the command prints once at its end.
        String text = transition.message();
        int reason = text.indexOf(". Reason: ");
        if (reason >= 0) {
            text = text.substring(0, reason);
        }
        String message = text.isEmpty() ? "" : " - " + text;
        line(String.format(Locale.ROOT, "status            %s%s", transition.status().wireName(), message));
    }

    @Override
    public synchronized void onLog(LogEvent event) {
        Optional<ProgressLine> p = ProgressLine.parse(event.message());
        if (p.isPresent()) {
            progress = p.get();
            drawProgress();
            return;
        }
        if (showLogs) {
            line("  [" + event.host() + "] " + event.message());
        }
    }

    @Override
    public synchronized void onEnded(JobOutcome outcome) {
        String end;
        if (outcome instanceof JobOutcome.Failed failed) {
            end = "Failed (the reason follows)";
        } else if (outcome instanceof JobOutcome.Stopped stopped) {
            end = stopped.maxRuntimeExceeded() ? "Stopped: maximum runtime exceeded" : "Stopped";
        } else {
            end = "Completed";
        }
        line(String.format(Locale.ROOT, "ended             %s after %s", end,
                ProgressBar.duration(Duration.between(started, Instant.now()).toMillis() / 1000.0)));
    }

    /** The latest tuning progress seen, if any. */
    public synchronized Optional<ProgressLine> lastProgress() {
        return Optional.ofNullable(progress);
    }

    private void drawProgress() {
        if (terminal.interactive()) {
            terminal.out().print("\r\033[2K" + progressText());
            terminal.out().flush();
            barShown = true;
            return;
        }
        Instant now = Instant.now();
        if (progress.trial() == progress.trials() || Duration.between(lastPlainProgress, now).compareTo(PLAIN_PROGRESS_EVERY) >= 0) {
            terminal.out().println(progressText());
            lastPlainProgress = now;
        }
    }

    private String progressText() {
        int cells = Math.max(10, Math.min(40, terminal.width() - 70));
        return String.format(Locale.ROOT, "tuning %s %d/%d trials  best CV RMSLE %.4f  elapsed %s  left ~%s",
                ProgressBar.render(progress.trial(), progress.trials(), cells), progress.trial(), progress.trials(),
                progress.best(), ProgressBar.duration(progress.elapsedSeconds()), ProgressBar.duration(progress.etaSeconds()));
    }

    /** Prints a line above the bar, then redraws the bar so it stays at the bottom. */
    private void line(String text) {
        if (barShown) {
            terminal.out().print("\r\033[2K");
        }
        terminal.out().println(text);
        if (barShown && progress != null) {
            terminal.out().print(progressText());
        }
        terminal.out().flush();
    }

    private static String label(WorkflowPhase phase) {
        switch (phase) {
            case PREPARING_IMAGE:
                return "image";
            case UPLOADING_INPUTS:
                return "upload";
            case SUBMITTING:
                return "submit";
            case RUNNING:
                return "running";
            case DOWNLOADING_MODEL:
                return "download model";
            case DONE:
                return "model ready";
        }
        return phase.name();
    }
}
