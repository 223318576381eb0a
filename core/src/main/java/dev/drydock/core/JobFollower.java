package dev.drydock.core;

import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.ErrorCode;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobOutcome;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.model.StatusTransition;
import dev.drydock.core.port.TrainingBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Follows one job on a daemon thread: polls describe with backoff, reads new log lines, reports changes, and
 * completes the outcome when the job ends (after reading the logs to their end). The outcome is always settled when
 * the thread ends: exceptionally when following failed or was cancelled, so that no {@code await} waits in vain.
 */
final class JobFollower {
    private static final Logger LOG = LoggerFactory.getLogger(JobFollower.class);
    /** Consecutive retryable failures tolerated before following gives up. */
    private static final int MAX_CONSECUTIVE_ERRORS = 20;
    /** Log pages read per poll at most, so a flood of lines cannot starve status updates. */
    private static final int MAX_PAGES_PER_POLL = 50;
    /**
     * Rounds of {@link #MAX_PAGES_PER_POLL} pages read after the end at most: enough for any real backlog, and a bound
     * against a backend whose cursor never stops moving.
     */
    private static final int MAX_DRAIN_ROUNDS = 1_000;

    private final TrainingBackend backend;
    private final PollPolicy policy;
    private final JobListener listener;
    private final Consumer<JobDescription> observer;
    private final CompletableFuture<JobOutcome> outcome;
    private final Runnable onEnd;
    private final Thread thread;
    private volatile boolean cancelled;
    private JobDescription last;
    private int reportedTransitions;
    private LogCursor cursor = LogCursor.START;

    JobFollower(JobDescription first, TrainingBackend backend, PollPolicy policy, JobListener listener,
                Consumer<JobDescription> observer, CompletableFuture<JobOutcome> outcome, Runnable onEnd) {
        this.backend = backend;
        this.policy = policy;
        this.listener = listener;
        this.observer = observer;
        this.outcome = outcome;
        this.onEnd = onEnd;
        this.last = first;
        this.thread = new Thread(this::run, "drydock-follow-" + first.name());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void cancel() {
        cancelled = true;
        thread.interrupt();
    }

    private void run() {
        try {
            follow();
        } catch (InterruptedException e) {
            // cancel() interrupted a sleep: the outcome is settled below.
        } catch (Throwable e) {
            // Errors too (a listener's AssertionError, an OutOfMemoryError): a caller in await must never wait for an
            // outcome that this thread, now ending, would never set.
            outcome.completeExceptionally(e);
            if (!(e instanceof RuntimeException)) {
                LOG.error("following training job {} failed", last.name(), e);
            }
        } finally {
            if (!outcome.isDone()) {
                outcome.completeExceptionally(new DrydockException(ErrorCode.INTERRUPTED, "stopped following training job \""
                        + last.name() + "\" before it ended, because its Drydock was closed; the job itself goes on:"
                        + " attach(\"" + last.name() + "\") to follow it again, or stop it"));
            }
            onEnd.run();
        }
    }

    private void follow() throws InterruptedException {
        reportTransitions(last);
        Duration wait = policy.initial();
        int errors = 0;
        while (!cancelled) {
            boolean changed;
            try {
                changed = poll();
                errors = 0;
            } catch (DrydockException e) {
                if (!e.retryable() || ++errors > MAX_CONSECUTIVE_ERRORS) {
                    outcome.completeExceptionally(e);
                    return;
                }
                LOG.debug("retryable error while following {} ({} in a row): {}", last.name(), errors, e.getMessage());
                changed = false;
                wait = policy.max();
            }
            if (last.state().isTerminal()) {
                drainLogs();
                JobOutcome ended = JobOutcome.of(last);
                listener.onEnded(ended);
                outcome.complete(ended);
                return;
            }
            wait = changed ? policy.initial() : policy.next(wait);
            Thread.sleep(policy.jittered(wait).toMillis());
        }
    }

    /** One round: new logs, then the status. Returns whether anything changed. */
    private boolean poll() {
        boolean sawLogs = readLogs().sawLines();
        JobDescription now = backend.describe(last.name());
        boolean changed = now.state() != last.state() || now.secondaryStatus() != last.secondaryStatus()
                || now.transitions().size() != reportedTransitions;
        if (now.state() != last.state()) {
            listener.onStateChanged(now, last.state());
        }
        reportTransitions(now);
        last = now;
        observer.accept(now);
        return changed || sawLogs;
    }

    private void reportTransitions(JobDescription description) {
        var transitions = description.transitions();
        for (int i = reportedTransitions; i < transitions.size(); i++) {
            StatusTransition t = transitions.get(i);
            listener.onStatusTransition(description, t);
        }
        reportedTransitions = Math.max(reportedTransitions, transitions.size());
    }

    /**
     * Reads new lines (at most {@link #MAX_PAGES_PER_POLL} pages, stopping at an empty page) and hands them to the
     * listener.
     */
    private LogRead readLogs() {
        boolean sawLines = false;
        boolean moved = false;
        for (int page = 0; page < MAX_PAGES_PER_POLL; page++) {
            LogPage p = backend.readLogs(last.name(), cursor);
            for (LogEvent event : p.events()) {
                listener.onLog(event);
            }
            boolean progressed = !p.next().equals(cursor);
            cursor = p.next();
            sawLines |= !p.events().isEmpty();
            moved |= progressed;
            if (p.events().isEmpty() || !progressed) {
                break;
            }
        }
        return new LogRead(sawLines, moved);
    }

    /**
     * After the end, read until the backend has nothing more: the last lines may land after the status changes, and
     * a backlog longer than one poll's pages must not be cut off.
     */
    private void drainLogs() {
        try {
            // Go on while the cursor moves, even past an empty page: CloudWatch, for one, may answer an empty page
            // with a new token while more lines follow; it is done when the cursor stays where it is.
            for (int round = 0; round < MAX_DRAIN_ROUNDS && readLogs().moved(); round++) {
                // each round has handed its lines to the listener
            }
        } catch (DrydockException e) {
            LOG.warn("could not read the last log lines of {}: {}", last.name(), e.getMessage());
        }
    }

    /** What one {@link #readLogs()} did: whether it delivered lines, and whether the cursor moved. */
    private record LogRead(boolean sawLines, boolean moved) {
    }
}
