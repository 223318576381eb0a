package dev.drydock.testkit;

import dev.drydock.archive.TarGz;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.JobAlreadyExistsException;
import dev.drydock.core.error.JobNotFoundException;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobSummary;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link TrainingBackend} that runs a Java {@link ContainerProgram} as each host's "container" on background
 * threads, against a real {@code /opt/ml} tree in a temporary folder: config files written as SageMaker writes them,
 * channels copied from a {@link Storage}, {@code TRAINING_JOB_NAME} in the environment. It honours stop (thread
 * interrupt, then "kill" after the grace period), max runtime, the failure file and metric definitions, and packs
 * {@code /opt/ml/model} of {@code algo-1} into {@code model.tar.gz} at {@link TrainingJobSpec#modelArtifactUri()}:
 * always for a completed job, for a stopped one when its container saved anything there (as SageMaker does), never
 * for a failed one.
 *
 * <p>Jobs live as long as this instance. Thread-safe.
 */
public final class FakeTrainingBackend implements TrainingBackend, AutoCloseable {
    private final Storage storage;
    private final ContainerProgram program;
    private final Path workRoot;
    private final boolean ownsWorkRoot;
    private final Duration stopGracePeriod;
    private final TarGz tarGz = TarGz.create();
    private final Map<String, FakeJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    private FakeTrainingBackend(Builder b) {
        this.storage = Objects.requireNonNull(b.storage, "storage");
        this.program = b.program;
        this.stopGracePeriod = b.stopGracePeriod;
        try {
            this.ownsWorkRoot = b.workRoot == null;
            this.workRoot = b.workRoot == null ? Files.createTempDirectory("drydock-fake-backend-") : b.workRoot;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A backend over {@code storage} running {@link ScriptedContainer}. */
    public static FakeTrainingBackend create(Storage storage) {
        return builder().storage(storage).build();
    }

    /** A builder; only the storage is required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public JobDescription submit(TrainingJobSpec spec) {
        requireServed(spec.outputPath(), "outputPath");
        spec.channels().forEach(c -> requireServed(c.source(), "channels." + c.name() + ".source"));
        FakeJob created = new FakeJob(spec, sequence.incrementAndGet(), storage, program, tarGz,
                workRoot.resolve(spec.name().value()), stopGracePeriod);
        FakeJob existing = jobs.putIfAbsent(spec.name().value(), created);
        if (existing != null) {
            if (existing.spec().equals(spec)) {
                return existing.describe();
            }
            throw new JobAlreadyExistsException(spec.name().value());
        }
        created.start();
        return created.describe();
    }

    @Override
    public JobDescription describe(JobName name) {
        return job(name).describe();
    }

    @Override
    public LogPage readLogs(JobName name, LogCursor cursor) {
        return job(name).readLogs(cursor);
    }

    @Override
    public void stop(JobName name) {
        job(name).stop();
    }

    @Override
    public List<JobSummary> list(int max) {
        return jobs.values().stream().sorted(Comparator.comparingLong(FakeJob::sequence).reversed()).limit(Math.max(0, max))
                .map(FakeJob::summary).toList();
    }

    /** Stops every running job and deletes the work folder if this backend created it. */
    @Override
    public void close() {
        jobs.values().forEach(FakeJob::stop);
        if (ownsWorkRoot) {
            try (var paths = Files.walk(workRoot)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new StorageIoException("deleting " + workRoot + " failed: " + e.getMessage(), e);
            }
        }
    }

    private FakeJob job(JobName name) {
        FakeJob job = jobs.get(name.value());
        if (job == null) {
            throw new JobNotFoundException(name.value(), "in the fake backend (jobs live as long as its instance)");
        }
        return job;
    }

    private void requireServed(StorageUri uri, String field) {
        if (!storage.supports(uri)) {
            throw InvalidInputException.of(field, uri, "must be a location the backend's storage serves");
        }
    }

    /** Builds a {@link FakeTrainingBackend}. */
    public static final class Builder {
        private Storage storage;
        private ContainerProgram program = ScriptedContainer::run;
        private Path workRoot;
        private Duration stopGracePeriod = Duration.ofSeconds(2);

        private Builder() {
        }

        /** Where channels are read from and models written to (required). */
        public Builder storage(Storage value) {
            this.storage = value;
            return this;
        }

        /** The container each host runs ({@link ScriptedContainer#run} by default). */
        public Builder program(ContainerProgram value) {
            this.program = Objects.requireNonNull(value, "program");
            return this;
        }

        /** Where the jobs' {@code /opt/ml} trees go (a fresh temporary folder by default, deleted on close). */
        public Builder workRoot(Path value) {
            this.workRoot = value;
            return this;
        }

        /** How long a stopped container may take before it is "killed" (2 s by default; SageMaker's is 120 s). */
        public Builder stopGracePeriod(Duration value) {
            this.stopGracePeriod = Objects.requireNonNull(value, "stopGracePeriod");
            return this;
        }

        /** The backend. */
        public FakeTrainingBackend build() {
            return new FakeTrainingBackend(this);
        }
    }
}
