package dev.drydock.local.docker;

import dev.drydock.core.model.JobName;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The names and labels of the containers and networks one job root's jobs get. Names are global on a daemon while
 * job names are unique only within a job root, so every name carries a short hash of the job root: the same job
 * name under another {@code --home} gets other containers and never touches these. The labels say who owns a
 * container, so that drydock removes only what it created for this job root.
 */
final class DockerNames {
    /** The label that marks every container and network drydock creates with the job's name. */
    static final String JOB_LABEL = "dev.drydock.job";
    /** The label holding the job root (absolute) the container or network was created for. */
    static final String JOB_ROOT_LABEL = "dev.drydock.job-root";
    /** The label holding the host ({@code algo-1} ..) a container runs. */
    static final String HOST_LABEL = "dev.drydock.host";

    private final String jobRoot;
    private final String scope;

    /** The names of jobs kept under {@code jobRoot}. */
    DockerNames(Path jobRoot) {
        this.jobRoot = jobRoot.toAbsolutePath().normalize().toString();
        this.scope = shortHash(this.jobRoot);
    }

    /** {@code drydock-<job>-<host>-<8 hex digits of the job root>}. */
    String container(JobName job, String host) {
        return "drydock-" + job.value() + "-" + host + "-" + scope;
    }

    /** {@code drydock-<job>-<8 hex digits of the job root>}. */
    String network(JobName job) {
        return "drydock-" + job.value() + "-" + scope;
    }

    /** The labels of a network of {@code job}. */
    Map<String, String> networkLabels(JobName job) {
        return Map.of(JOB_LABEL, job.value(), JOB_ROOT_LABEL, jobRoot);
    }

    /** The labels of the container of {@code job}'s {@code host}. */
    Map<String, String> containerLabels(JobName job, String host) {
        return Map.of(JOB_LABEL, job.value(), JOB_ROOT_LABEL, jobRoot, HOST_LABEL, host);
    }

    /** Whether {@code labels} (of a container or network) say it was made for {@code job} under this job root. */
    boolean owns(Map<String, String> labels, JobName job) {
        return labels != null && job.value().equals(labels.get(JOB_LABEL)) && jobRoot.equals(labels.get(JOB_ROOT_LABEL));
    }

    /** The job root these names are for. */
    String jobRoot() {
        return jobRoot;
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
