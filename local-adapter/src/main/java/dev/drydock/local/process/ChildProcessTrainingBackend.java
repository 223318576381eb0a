package dev.drydock.local.process;

import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobSummary;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.local.job.LocalJobEngine;
import dev.drydock.local.job.ModelPublisher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs training jobs as child processes of this JVM, no Docker needed: the embedded default backend.
 *
 * <p>Each host ({@code algo-1} .. {@code algo-N}) is one process on this machine, started in its own {@code /opt/ml}
 * tree under the job folder, with the environment variable {@code DRYDOCK_ML_ROOT} naming that tree (the trainer reads
 * it instead of {@code /opt/ml}), {@code OMP_WAIT_POLICY=PASSIVE}, {@code TRAINING_JOB_NAME}, {@code TRAINING_JOB_ARN}
 * and the spec's environment. The command is {@code java -jar <trainer jar>} by default, followed by {@code train};
 * the spec's {@code containerEntrypoint} and {@code containerArguments}, when set, replace them. Stop and max
 * runtime send SIGTERM ({@link ProcessHandle#destroy()}), then SIGKILL after the grace period.
 *
 * <p>Everything else (job folder, config files, channel staging, state on disk, logs, metrics, several hosts, model
 * collected from {@code algo-1} as SageMaker does) is the shared behaviour of {@link LocalJobEngine}. Thread-safe.
 */
public final class ChildProcessTrainingBackend implements TrainingBackend {
    private final LocalJobEngine engine;

    private ChildProcessTrainingBackend(LocalJobEngine engine) {
        this.engine = engine;
    }

    /** A builder; {@code storage} and {@code modelPublisher} are required, and a trainer jar or a command. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public JobDescription submit(TrainingJobSpec spec) {
        return engine.submit(spec);
    }

    @Override
    public JobDescription describe(JobName name) {
        return engine.describe(name);
    }

    @Override
    public LogPage readLogs(JobName name, LogCursor cursor) {
        return engine.readLogs(name, cursor);
    }

    @Override
    public void stop(JobName name) {
        engine.stop(name);
    }

    @Override
    public List<JobSummary> list(int max) {
        return engine.list(max);
    }

    /** The folder jobs are kept in. */
    public Path jobRoot() {
        return engine.jobRoot();
    }

    /** Builds a {@link ChildProcessTrainingBackend}. */
    public static final class Builder {
        /** The default grace period between SIGTERM and SIGKILL, as SageMaker's. */
        public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(120);

        private Path jobRoot = defaultJobRoot();
        private Storage storage;
        private ModelPublisher publisher;
        private List<String> command;
        private Path trainerJar;
        private List<String> arguments = List.of("train");
        private Duration gracePeriod = DEFAULT_GRACE_PERIOD;

        private Builder() {
        }

        /** Where job folders go; {@code ~/.drydock/jobs} by default. */
        public Builder jobRoot(Path value) {
            this.jobRoot = Objects.requireNonNull(value, "jobRoot");
            return this;
        }

        /** Where channels are staged from. */
        public Builder storage(Storage value) {
            this.storage = Objects.requireNonNull(value, "storage");
            return this;
        }

        /** Where models are packed and stored. */
        public Builder modelPublisher(ModelPublisher value) {
            this.publisher = Objects.requireNonNull(value, "modelPublisher");
            return this;
        }

        /** The trainer jar, run as {@code java -jar <jar>} with this JVM's {@code java}. */
        public Builder trainerJar(Path value) {
            this.trainerJar = Objects.requireNonNull(value, "trainerJar").toAbsolutePath();
            return this;
        }

        /** The command that starts a host's trainer (without the {@code train} argument); replaces the jar's. */
        public Builder command(List<String> value) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("command must name at least the program to run");
            }
            this.command = List.copyOf(value);
            return this;
        }

        /** The arguments after the command; {@code [train]} by default, as SageMaker passes. */
        public Builder arguments(List<String> value) {
            this.arguments = List.copyOf(value);
            return this;
        }

        /** Between SIGTERM and SIGKILL when a job is stopped; 120 s by default, as SageMaker's. */
        public Builder gracePeriod(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("gracePeriod must be zero or positive, got " + value);
            }
            this.gracePeriod = value;
            return this;
        }

        /** The backend. */
        public ChildProcessTrainingBackend build() {
            Objects.requireNonNull(storage, "storage must be set: the storage channels are staged from");
            Objects.requireNonNull(publisher, "modelPublisher must be set: where models are stored");
            List<String> cmd = command;
            if (cmd == null) {
                if (trainerJar == null) {
                    throw new IllegalStateException("set trainerJar (run as java -jar) or command for the process backend");
                }
                cmd = new ArrayList<>(List.of(javaExecutable(), "-jar", trainerJar.toString()));
            }
            ChildProcessLauncher launcher = new ChildProcessLauncher(cmd, arguments, command == null ? trainerJar : null);
            return new ChildProcessTrainingBackend(new LocalJobEngine(jobRoot, storage, publisher, launcher, gracePeriod));
        }

        /** {@code ~/.drydock/jobs}. */
        public static Path defaultJobRoot() {
            return Path.of(System.getProperty("user.home"), ".drydock", "jobs");
        }

        /** The {@code java} of the running JVM, so the trainer runs on the same Java. */
        public static String javaExecutable() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
    }
}
