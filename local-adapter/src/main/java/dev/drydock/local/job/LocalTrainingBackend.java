package dev.drydock.local.job;

import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobSummary;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What both local training backends are: a {@link TrainingBackend} whose every operation is the shared
 * {@link LocalJobEngine}'s, differing only in the {@link HostLauncher} that starts the hosts. The child-process and
 * Docker backends extend it, and their builders extend {@link Builder}, which holds the settings they share.
 * Thread-safe.
 */
public abstract class LocalTrainingBackend implements TrainingBackend {
    private final LocalJobEngine engine;

    /** A backend running every job with {@code engine}. */
    protected LocalTrainingBackend(LocalJobEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** The launcher's name: {@code process} or {@code docker}. */
    @Override
    public String name() {
        return engine.launcher().name();
    }

    @Override
    public final JobDescription submit(TrainingJobSpec spec) {
        return engine.submit(spec);
    }

    @Override
    public final void check(TrainingJobSpec spec) {
        engine.check(spec);
    }

    @Override
    public final JobDescription describe(JobName name) {
        return engine.describe(name);
    }

    @Override
    public final LogPage readLogs(JobName name, LogCursor cursor) {
        return engine.readLogs(name, cursor);
    }

    @Override
    public final void stop(JobName name) {
        engine.stop(name);
    }

    @Override
    public final void interrupt(JobName name) {
        engine.interrupt(name);
    }

    @Override
    public final List<JobSummary> list(int max) {
        return engine.list(max);
    }

    /** The folder jobs are kept in. */
    public final Path jobRoot() {
        return engine.jobRoot();
    }

    /**
     * The settings every local backend has: job root, storage, model publisher, grace period.
     *
     * @param <B> the concrete builder, returned by every setter so that calls chain
     */
    public abstract static class Builder<B extends Builder<B>> {
        /** The default grace period between SIGTERM and SIGKILL, as SageMaker's. */
        public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(120);

        private Path jobRoot = defaultJobRoot();
        private Storage storage;
        private ModelPublisher publisher;
        private Duration gracePeriod = DEFAULT_GRACE_PERIOD;
        private long trainerHeap;

        /** A builder with the defaults: {@code ~/.drydock/jobs}, 120 s grace. */
        protected Builder() {
        }

        /** {@code ~/.drydock/jobs}. */
        public static Path defaultJobRoot() {
            return Path.of(System.getProperty("user.home"), ".drydock", "jobs");
        }

        /** Where job folders go; {@code ~/.drydock/jobs} by default. */
        public B jobRoot(Path value) {
            this.jobRoot = Objects.requireNonNull(value, "jobRoot");
            return self();
        }

        /** Where channels are staged from. */
        public B storage(Storage value) {
            this.storage = Objects.requireNonNull(value, "storage");
            return self();
        }

        /** Where models are packed and stored. */
        public B modelPublisher(ModelPublisher value) {
            this.publisher = Objects.requireNonNull(value, "modelPublisher");
            return self();
        }

        /** Between SIGTERM and SIGKILL when a job is stopped; 120 s by default, as SageMaker's. */
        public B gracePeriod(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("gracePeriod must be zero or positive, got " + value);
            }
            this.gracePeriod = value;
            return self();
        }

        /**
         * The trainer JVM's heap ({@code -Xmx}) in bytes, at least 128 MiB; the JVM's default when not set. The job's
         * {@code java_heap} hyperparameter wins over it (see {@link TrainerHeap}).
         */
        public B trainerHeap(long bytes) {
            this.trainerHeap = TrainerHeap.check("trainerHeap", bytes);
            return self();
        }

        /** The trainer JVM's heap as a size: {@code 512m}, {@code 4g}; see {@link #trainerHeap(long)}. */
        public B trainerHeap(String size) {
            this.trainerHeap = TrainerHeap.parse("trainerHeap", size);
            return self();
        }

        /** The trainer heap set so far in bytes, 0 for the JVM's default. */
        protected final long trainerHeap() {
            return trainerHeap;
        }

        /** The job root set so far, absolute (a launcher that names things after it needs it). */
        protected final Path jobRoot() {
            return jobRoot.toAbsolutePath().normalize();
        }

        /** The grace period set so far (a launcher whose hosts must outlive this JVM by it needs it). */
        protected final Duration gracePeriod() {
            return gracePeriod;
        }

        /** Checks the shared settings; a subclass's {@code build()} calls it before building anything of its own. */
        protected final void checkShared() {
            Objects.requireNonNull(storage, "storage must be set: the storage channels are staged from");
            Objects.requireNonNull(publisher, "modelPublisher must be set: where models are stored");
        }

        /** The engine of the shared settings with {@code launcher}; {@link #checkShared()} must have passed. */
        protected final LocalJobEngine engine(HostLauncher launcher) {
            checkShared();
            return new LocalJobEngine(jobRoot, storage, publisher, launcher, gracePeriod);
        }

        /** The backend; checks the shared settings first. */
        public abstract LocalTrainingBackend build();

        /** This builder, as its concrete type. */
        protected abstract B self();
    }
}
