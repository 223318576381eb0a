package dev.drydock.testkit;

import dev.drydock.core.error.DrydockException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.port.TrainingBackend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Polls a {@link TrainingBackend} for tests: waits for a job to end or to log a line, and reads its logs. */
public final class JobWaiter {
    /** Empty pages in a row, each with a new cursor, after which a finished log is taken to have no more events. */
    static final int EMPTY_PAGES_AT_END = 3;

    private final TrainingBackend backend;
    private final Duration poll;
    private final Duration timeout;

    /** A waiter polling {@code backend} every {@code poll}, giving up after {@code timeout}. */
    public JobWaiter(TrainingBackend backend, Duration poll, Duration timeout) {
        this.backend = backend;
        this.poll = poll;
        this.timeout = timeout;
    }

    /** The job's description once it is terminal; fails the test after the timeout. */
    public JobDescription awaitEnd(JobName name) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JobDescription last = backend.describe(name);
        while (!last.state().isTerminal()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + name + " did not end within " + timeout + "; last seen: " + last.state()
                        + " / " + last.secondaryStatus() + "; logs: " + allLogs(name));
            }
            sleep();
            last = backend.describe(name);
        }
        return last;
    }

    /** Waits until the job has logged {@code line}; fails if it ends without it or after the timeout. */
    public void awaitLogLine(JobName name, String line) {
        long deadline = System.nanoTime() + timeout.toNanos();
        LogCursor cursor = LogCursor.START;
        List<String> seen = new ArrayList<>();
        int emptyAfterEnd = 0;
        while (true) {
            boolean ended = backend.describe(name).state().isTerminal();
            LogPage page = backend.readLogs(name, cursor);
            for (LogEvent e : page.events()) {
                seen.add(e.message());
                if (e.message().equals(line)) {
                    return;
                }
            }
            emptyAfterEnd = ended && page.events().isEmpty() ? emptyAfterEnd + 1 : 0;
            boolean logEnded = emptyAfterEnd > 0 && (page.next().equals(cursor) || emptyAfterEnd >= EMPTY_PAGES_AT_END);
            cursor = page.next();
            if (logEnded || System.nanoTime() > deadline) {
                throw new AssertionError("job " + name + " did not log \"" + line + "\"" + (ended ? " before it ended" : " within " + timeout)
                        + "; it logged: " + seen);
            }
            sleep();
        }
    }

    /**
     * Every log event of the job, from the start, following pages until one comes back empty with the cursor it was
     * read from, or {@value #EMPTY_PAGES_AT_END} pages in a row come back empty (a log service such as CloudWatch may
     * hand out a new cursor with an empty page, and more events after it).
     */
    public List<LogEvent> allLogs(JobName name) {
        List<LogEvent> events = new ArrayList<>();
        LogCursor cursor = LogCursor.START;
        int emptyInARow = 0;
        while (true) {
            LogPage page = backend.readLogs(name, cursor);
            events.addAll(page.events());
            emptyInARow = page.events().isEmpty() ? emptyInARow + 1 : 0;
            if (emptyInARow > 0 && (page.next().equals(cursor) || emptyInARow >= EMPTY_PAGES_AT_END)) {
                return events;
            }
            cursor = page.next();
        }
    }

    /**
     * Follows the job's log while it runs, alternating between {@code readers} with the cursor each one returned
     * (also the new cursor of an empty page), until the job had ended before a read that found nothing new.
     */
    public List<LogEvent> followLogs(JobName name, TrainingBackend... readers) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<LogEvent> events = new ArrayList<>();
        LogCursor cursor = LogCursor.START;
        int emptyAfterEnd = 0;
        for (int i = 0; ; i++) {
            boolean ended = backend.describe(name).state().isTerminal();
            LogPage page = readers[i % readers.length].readLogs(name, cursor);
            events.addAll(page.events());
            boolean empty = page.events().isEmpty();
            emptyAfterEnd = ended && empty ? emptyAfterEnd + 1 : 0;
            if (emptyAfterEnd > 0 && (page.next().equals(cursor) || emptyAfterEnd >= EMPTY_PAGES_AT_END)) {
                return events;
            }
            if (empty) {
                sleep();
            }
            cursor = page.next();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + name + " did not end within " + timeout);
            }
        }
    }

    /** Stops every job of {@code names} that has not ended (cleanup after a test); errors are ignored. */
    public void stopUnfinished(List<JobName> names) {
        for (JobName name : names) {
            try {
                if (!backend.describe(name).state().isTerminal()) {
                    backend.stop(name);
                }
            } catch (DrydockException e) {
                // cleanup only: the test itself reported what mattered
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
