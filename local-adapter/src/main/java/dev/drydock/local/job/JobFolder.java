package dev.drydock.local.job;

import dev.drydock.core.model.JobName;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A job's folder under the job root: {@code state.json} (its description), {@code spec.sha256} (to tell a retry
 * from a clash), {@code logs.txt} (its log lines), {@code stop-requested} (a stop asked by another process) and one
 * {@code /opt/ml} tree per host ({@code algo-1/}, ...).
 *
 * @param name the job's name
 * @param root the job's folder
 */
public record JobFolder(JobName name, Path root) {
    /** Validates the fields. */
    public JobFolder {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
    }

    /** The folder of job {@code name} under {@code jobRoot}. */
    public static JobFolder of(Path jobRoot, JobName name) {
        return new JobFolder(name, jobRoot.resolve(name.value()));
    }

    /** The persisted description. */
    public Path stateFile() {
        return root.resolve("state.json");
    }

    /** The {@link dev.drydock.core.model.TrainingJobSpec#fingerprint() fingerprint} of the spec that created the job. */
    public Path specFingerprintFile() {
        return root.resolve("spec.sha256");
    }

    /** The log lines: {@code <ISO instant> TAB <host> TAB <message>} per line. */
    public Path logFile() {
        return root.resolve("logs.txt");
    }

    /** Present when some process asked the job to stop. */
    public Path stopRequestFile() {
        return root.resolve("stop-requested");
    }

    /** Present when some process asked for a spot interruption drill. */
    public Path interruptRequestFile() {
        return root.resolve("interrupt-requested");
    }

    /** The {@code /opt/ml} tree of {@code host}. */
    public HostFolder host(String host) {
        return new HostFolder(host, root.resolve(host));
    }
}
