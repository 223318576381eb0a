package dev.drydock.core;

import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.ErrorCode;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.JobFailedException;
import dev.drydock.core.error.JobStoppedException;
import dev.drydock.core.error.JobTimeoutException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobOutcome;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.JobSummary;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.model.SecondaryStatus;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.ArtifactStore;
import dev.drydock.core.port.TrainingBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The job handle and its follower thread over a scripted backend: cancel, listener errors, the last log lines. */
class TrainingJobTest {
    private static final JobName NAME = JobName.of("follow-me");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final PollPolicy FAST = new PollPolicy(Duration.ofMillis(5), Duration.ofMillis(20), 1.5, 0);
    private static final StorageUri MODEL = StorageUri.parse("s3://bucket/out/follow-me/output/model.tar.gz");

    @TempDir
    Path tmp;

    @Test
    void await_whenFollowingIsStoppedBeforeTheJobEnds_throwsInterruptedAtOnceInsteadOfTimingOut() {
        ScriptedBackend backend = new ScriptedBackend(JobState.IN_PROGRESS, n -> null);
        TrainingJob job = follow(backend, JobListener.none());

        job.stopFollowing();

        long start = System.nanoTime();
        assertThatThrownBy(() -> job.await(WAIT))
                .isInstanceOfSatisfying(DrydockException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERRUPTED))
                .isNotInstanceOf(JobTimeoutException.class)
                .hasMessageContaining(NAME.value()).hasMessageContaining("attach");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void await_whenListenerThrowsAnError_reportsItInsteadOfWaitingForever() {
        ScriptedBackend backend = new ScriptedBackend(JobState.COMPLETED, n -> null);
        JobListener broken = new JobListener() {
            @Override
            public void onEnded(JobOutcome outcome) {
                throw new AssertionError("listener bug");
            }
        };
        TrainingJob job = follow(backend, broken);

        assertThatThrownBy(() -> job.await(WAIT)).isInstanceOf(DrydockException.class)
                .hasRootCauseInstanceOf(AssertionError.class);
    }

    @Test
    void listener_whenJobEndsWithABacklogLongerThanOnePoll_hearsEveryLastLine() {
        int lines = 300;
        // One line a page, and an empty page with a new cursor every tenth page (as CloudWatch answers at times).
        ScriptedBackend backend = new ScriptedBackend(JobState.COMPLETED, n -> n >= lines ? null
                : n % 10 == 9 ? List.of() : List.of(new LogEvent(Instant.EPOCH.plusMillis(n), "algo-1", "line " + n)));
        List<String> heard = new CopyOnWriteArrayList<>();
        TrainingJob job = follow(backend, new JobListener() {
            @Override
            public void onLog(LogEvent event) {
                heard.add(event.message());
            }
        });

        assertThat(job.await(WAIT)).isInstanceOf(JobOutcome.Succeeded.class);

        assertThat(heard).hasSize(lines - lines / 10).contains("line 0", "line 298").doesNotContain("line 9");
    }

    @Test
    void trainedModel_whenFollowingFailed_throwsWhyInsteadOfAskingToAwait() {
        ScriptedBackend backend = new ScriptedBackend(JobState.IN_PROGRESS, n -> null);
        backend.failure = InvalidInputException.of("jobName", NAME.value(), "is refused by the scripted backend");
        TrainingJob job = follow(backend, JobListener.none());
        assertThatThrownBy(() -> job.await(WAIT)).isInstanceOf(InvalidInputException.class);

        assertThatThrownBy(job::trainedModel).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("refused by the scripted backend");
    }

    @Test
    void trainedModel_whenStoppedJobSavedAModel_returnsThatModel() throws IOException {
        ScriptedBackend backend = new ScriptedBackend(JobState.STOPPED, n -> null);
        backend.modelArtifact = MODEL;
        TrainingJob job = follow(backend, JobListener.none(), new OneModelArtifactStore());

        assertThat(job.await(WAIT)).isInstanceOfSatisfying(JobOutcome.Stopped.class,
                s -> assertThat(s.modelArtifactIfAny()).contains(MODEL));
        TrainedModel model = job.trainedModel();

        assertThat(model.description().state()).isEqualTo(JobState.STOPPED);
        assertThat(Files.readString(model.modelDirectory().resolve("model.txt"))).isEqualTo("saved on SIGTERM");
        assertThat(model.modelDirectory()).startsWith(tmp);
    }

    @Test
    void trainedModel_whenStoppedJobSavedNoModel_throwsJobStopped() {
        ScriptedBackend backend = new ScriptedBackend(JobState.STOPPED, n -> null);
        TrainingJob job = follow(backend, JobListener.none(), new OneModelArtifactStore());

        assertThat(job.await(WAIT)).isInstanceOfSatisfying(JobOutcome.Stopped.class,
                s -> assertThat(s.modelArtifactIfAny()).isEmpty());

        assertThatThrownBy(job::trainedModel).isInstanceOf(JobStoppedException.class)
                .hasMessageContaining(NAME.value()).hasMessageContaining("by request").hasMessageContaining("before it saved a model");
    }

    @Test
    void trainedModel_whenFailedJob_throwsJobFailedEvenWithAModelArtifact() {
        ScriptedBackend backend = new ScriptedBackend(JobState.FAILED, n -> null);
        backend.modelArtifact = MODEL; // a backend must not report one; the handle still offers no model of a failure
        TrainingJob job = follow(backend, JobListener.none(), new OneModelArtifactStore());

        assertThat(job.await(WAIT)).isInstanceOf(JobOutcome.Failed.class);

        assertThatThrownBy(job::trainedModel).isInstanceOf(JobFailedException.class).hasMessageContaining("scripted failure");
    }

    @Test
    void all_whenOneListenerThrows_theOthersStillHearTheCall() {
        List<String> heard = new CopyOnWriteArrayList<>();
        JobListener broken = new JobListener() {
            @Override
            public void onPhase(WorkflowPhase phase, String detail) {
                throw new IllegalStateException("listener bug");
            }
        };
        JobListener recording = new JobListener() {
            @Override
            public void onPhase(WorkflowPhase phase, String detail) {
                heard.add(detail);
            }
        };

        JobListener.all(broken, recording).onPhase(WorkflowPhase.SUBMITTING, "job-1");

        assertThat(heard).containsExactly("job-1");
    }

    private static TrainingJob follow(TrainingBackend backend, JobListener listener) {
        JobDescription first = JobDescription.builder(NAME).build();
        TrainingJob job = new TrainingJob(first, backend, null, Path.of("unused"), FAST, SafeListener.wrap(listener), j -> { });
        job.startFollowing();
        return job;
    }

    private TrainingJob follow(TrainingBackend backend, JobListener listener, ArtifactStore artifactStore) {
        JobDescription first = JobDescription.builder(NAME).build();
        TrainingJob job = new TrainingJob(first, backend, artifactStore, tmp.resolve(NAME.value()), FAST,
                SafeListener.wrap(listener), j -> { });
        job.startFollowing();
        return job;
    }

    /** An artifact store holding one model, {@link #MODEL}, whose {@code model.txt} says "saved on SIGTERM". */
    private static final class OneModelArtifactStore implements ArtifactStore {
        @Override
        public Path download(StorageUri archive, Path target) {
            throw new UnsupportedOperationException("the test extracts only");
        }

        @Override
        public Path extract(StorageUri archive, Path target) {
            if (!archive.equals(MODEL)) {
                throw new dev.drydock.core.error.StorageObjectNotFoundException(archive.toString(), "the test store holds only " + MODEL);
            }
            try {
                Files.createDirectories(target);
                Files.writeString(target.resolve("model.txt"), "saved on SIGTERM");
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean exists(StorageUri archive) {
            return archive.equals(MODEL);
        }
    }

    /**
     * A backend with one job in a fixed state, whose log page {@code n} (counted from the start) holds
     * {@code pages.apply(n)}, or nothing more when that is {@code null}; {@link #failure} makes describe throw.
     */
    private static final class ScriptedBackend implements TrainingBackend {
        private final JobState state;
        private final IntFunction<List<LogEvent>> pages;
        volatile RuntimeException failure;
        volatile StorageUri modelArtifact;

        ScriptedBackend(JobState state, IntFunction<List<LogEvent>> pages) {
            this.state = state;
            this.pages = pages;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public JobDescription submit(TrainingJobSpec spec) {
            throw new UnsupportedOperationException("the scripted backend runs one job it was given");
        }

        @Override
        public JobDescription describe(JobName name) {
            if (failure != null) {
                throw failure;
            }
            JobDescription.Builder b = JobDescription.builder(name).state(state);
            if (state == JobState.COMPLETED) {
                b.transition(SecondaryStatus.COMPLETED, Instant.EPOCH, "done");
            } else if (state == JobState.STOPPED) {
                b.transition(SecondaryStatus.STOPPED, Instant.EPOCH, "stopped");
            } else if (state == JobState.FAILED) {
                b.transition(SecondaryStatus.FAILED, Instant.EPOCH, "failed").failureReason("scripted failure");
            }
            return b.modelArtifact(modelArtifact).build();
        }

        @Override
        public LogPage readLogs(JobName name, LogCursor cursor) {
            int n = cursor.isStart() ? 0 : Integer.parseInt(cursor.token());
            List<LogEvent> page = pages.apply(n);
            if (page == null) {
                return new LogPage(List.of(), cursor);
            }
            return new LogPage(page, new LogCursor(String.valueOf(n + 1)));
        }

        @Override
        public void stop(JobName name) {
        }

        @Override
        public List<JobSummary> list(int max) {
            return List.of();
        }
    }
}
