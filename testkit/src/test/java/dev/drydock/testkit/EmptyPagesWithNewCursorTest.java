package dev.drydock.testkit;

import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobSummary;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.TrainingBackend;

import java.util.List;

/**
 * The whole training-backend contract (and {@link JobWaiter}) over log paging as CloudWatch may do it: before every
 * real page comes an empty page carrying a new cursor. A reader that takes an empty page for the end of the log, or
 * insists that an empty page keeps its cursor, loses lines or fails here.
 */
class EmptyPagesWithNewCursorTest extends FakeTrainingBackendTest {
    private static final String EMPTY_FIRST = "empty-before:";

    @Override
    protected TrainingBackend backend() {
        return new EmptyPageFirst(super.backend());
    }

    @Override
    protected TrainingBackend anotherBackendInstance() {
        return backend();
    }

    /** Answers every cursor first with an empty page whose cursor leads to the real page for that cursor. */
    private record EmptyPageFirst(TrainingBackend delegate) implements TrainingBackend {
        @Override
        public LogPage readLogs(JobName name, LogCursor cursor) {
            if (cursor.token().startsWith(EMPTY_FIRST)) {
                String real = cursor.token().substring(EMPTY_FIRST.length());
                return delegate.readLogs(name, real.isEmpty() ? LogCursor.START : new LogCursor(real));
            }
            delegate.readLogs(name, cursor); // the job must exist: unknown jobs fail as the delegate fails
            return new LogPage(List.of(), new LogCursor(EMPTY_FIRST + cursor.token()));
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public JobDescription submit(TrainingJobSpec spec) {
            return delegate.submit(spec);
        }

        @Override
        public JobDescription describe(JobName name) {
            return delegate.describe(name);
        }

        @Override
        public void stop(JobName name) {
            delegate.stop(name);
        }

        @Override
        public void interrupt(JobName name) {
            delegate.interrupt(name);
        }

        @Override
        public List<JobSummary> list(int max) {
            return delegate.list(max);
        }
    }
}
