package dev.drydock.local.process;

import dev.drydock.local.job.LocalJobEngine;
import dev.drydock.local.job.LocalTrainingBackend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs training jobs as child processes of this JVM, no Docker needed: the embedded default backend.
 *
 * <p>Each host ({@code algo-1} .. {@code algo-N}) is one process on this machine, started in its own {@code /opt/ml}
 * tree under the job folder, with the environment variable {@code DRYDOCK_ML_ROOT} naming that tree (the trainer reads
 * it instead of {@code /opt/ml}), {@code OMP_WAIT_POLICY=PASSIVE}, {@code TRAINING_JOB_NAME}, {@code TRAINING_JOB_ARN}
 * and the spec's environment. Of this JVM's environment only what a program needs passes ({@code PATH}, {@code HOME},
 * the user, the locale, the library path; see {@code ChildEnvironment}): like a container, the trainer never sees the
 * caller's credentials or passwords. The command is {@code java -jar <trainer jar>} by default, followed by {@code train};
 * the spec's {@code containerEntrypoint} and {@code containerArguments}, when set, replace them. Stop and max
 * runtime send SIGTERM ({@link ProcessHandle#destroy()}), then SIGKILL after the grace period.
 *
 * <p>Everything else (job folder, config files, channel staging, state on disk, logs, metrics, several hosts, model
 * collected from {@code algo-1} as SageMaker does) is the shared behaviour of {@link LocalJobEngine}, through
 * {@link LocalTrainingBackend}. Thread-safe.
 */
public final class ChildProcessTrainingBackend extends LocalTrainingBackend {

    /** The variable of this process's environment whose JVM options the trainer gets. */
    public static final String JAVA_OPTIONS_ENV = "DRYDOCK_JAVA_OPTS";

    private ChildProcessTrainingBackend(LocalJobEngine engine) {
        super(engine);
    }

    /** A builder; {@code storage} and {@code modelPublisher} are required, and a trainer jar or a command. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link ChildProcessTrainingBackend}: the shared settings (job root, storage, model publisher, grace
     * period) plus the trainer jar or command and its arguments.
     */
    public static final class Builder extends LocalTrainingBackend.Builder<Builder> {
        private List<String> command;
        private Path trainerJar;
        private List<String> arguments = List.of("train");
        private String javaOptions = System.getenv(JAVA_OPTIONS_ENV);

        private Builder() {
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

        /**
         * JVM options for the trainer, separated by spaces; by default {@code DRYDOCK_JAVA_OPTS} of this process's
         * environment (which the {@code ./drydock} launcher also gives the CLI's own JVM), the only variable of it
         * that reaches the trainer. They go after the {@code java} of the trainer's command, before the
         * {@linkplain #trainerHeap(long) trainer heap}, which therefore wins over an {@code -Xmx} among them; a command
         * that is not {@code java} gets them in {@code JAVA_TOOL_OPTIONS}.
         */
        public Builder javaOptions(String value) {
            this.javaOptions = value;
            return this;
        }

        /** The backend. */
        @Override
        public ChildProcessTrainingBackend build() {
            checkShared();
            List<String> cmd = command;
            if (cmd == null) {
                if (trainerJar == null) {
                    throw new IllegalStateException("set trainerJar (run as java -jar) or command for the process backend");
                }
                cmd = new ArrayList<>(List.of(javaExecutable(), "-jar", trainerJar.toString()));
            }
            List<String> options = new ArrayList<>();
            if (javaOptions != null && !javaOptions.isBlank()) {
                options.addAll(List.of(javaOptions.trim().split("\\s+")));
            }
            if (trainerHeap() > 0) {
                options.add(dev.drydock.local.job.TrainerHeap.xmx(trainerHeap()));
            }
            return new ChildProcessTrainingBackend(engine(new ChildProcessLauncher(cmd, arguments,
                    command == null ? trainerJar : null, gracePeriod(), options)));
        }

        /** The {@code java} of the running JVM, so the trainer runs on the same Java. */
        public static String javaExecutable() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
