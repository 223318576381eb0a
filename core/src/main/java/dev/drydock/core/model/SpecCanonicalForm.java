package dev.drydock.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical text of a {@link TrainingJobSpec} and its SHA-256, behind {@link TrainingJobSpec#fingerprint()}.
 *
 * <p>One line per value, {@code <field path> <value>}, in a fixed field order. A value is written as
 * {@code <length>:<text>} (so that no text can forge a line break or a neighbouring field) or {@code ~} for
 * {@code null}. Maps (hyperparameters, environment, tags) are written sorted by key; channels and metric
 * definitions, whose names are unique, sorted by name; the VPC's security groups and subnets (sets on SageMaker)
 * sorted; the container entrypoint and arguments in their order, which matters. Enums are written by their wire names,
 * durations as ISO-8601, URIs and image references in their canonical text.
 *
 * <p>The fingerprint is persisted (the local backends' {@code spec.sha256}, the SageMaker tag
 * {@code drydock:spec-sha256}), so changing this rendering makes resubmits of existing jobs look like name clashes:
 * bump {@link #VERSION} when it must change.
 */
final class SpecCanonicalForm {
    /** The first line of the rendering; a new rendering gets a new version. */
    static final String VERSION = "drydock-spec-v1";

    private final StringBuilder text = new StringBuilder(512);

    private SpecCanonicalForm() {
    }

    /** The lower-case hex SHA-256 of {@code spec}'s canonical text. */
    static String fingerprint(TrainingJobSpec spec) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(render(spec).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The canonical text of {@code spec}. */
    static String render(TrainingJobSpec spec) {
        SpecCanonicalForm f = new SpecCanonicalForm();
        f.text.append(VERSION).append('\n');
        f.put("name", spec.name());
        f.put("image", spec.image());
        f.list("containerEntrypoint", spec.containerEntrypoint());
        f.list("containerArguments", spec.containerArguments());
        f.put("inputMode", spec.inputMode().wireName());
        List<Channel> channels = new ArrayList<>(spec.channels());
        channels.sort(Comparator.comparing(Channel::name));
        f.put("channels", channels.size());
        for (Channel c : channels) {
            String p = "channel." + c.name().length() + ":" + c.name() + ".";
            f.put(p + "source", c.source());
            f.put(p + "contentType", c.contentType());
            f.put(p + "inputMode", c.inputMode() == null ? null : c.inputMode().wireName());
            f.put(p + "distribution", c.distribution() == null ? null : c.distribution().wireName());
            f.put(p + "compression", c.compression() == null ? null : c.compression().wireName());
            f.put(p + "recordWrapper", c.recordWrapper() == null ? null : c.recordWrapper().wireName());
        }
        f.map("hyperparameters", spec.hyperparameters().values());
        f.put("resources.instanceType", spec.resources().instanceType());
        f.put("resources.instanceCount", spec.resources().instanceCount());
        f.put("resources.volumeSizeGb", spec.resources().volumeSizeGb());
        f.put("resources.volumeKmsKeyId", spec.resources().volumeKmsKeyId());
        f.put("stoppingCondition.maxRuntime", spec.stoppingCondition().maxRuntime());
        f.put("stoppingCondition.maxWaitTime", spec.stoppingCondition().maxWaitTime());
        f.put("useSpotInstances", spec.useSpotInstances());
        f.put("checkpoint", spec.checkpoint() == null ? null : "set");
        if (spec.checkpoint() != null) {
            f.put("checkpoint.uri", spec.checkpoint().uri());
            f.put("checkpoint.localPath", spec.checkpoint().localPath());
        }
        Map<String, String> metrics = new TreeMap<>();
        spec.metricDefinitions().forEach(m -> metrics.put(m.name(), m.regex()));
        f.map("metricDefinitions", metrics);
        f.map("environment", spec.environment());
        f.map("tags", spec.tags());
        f.put("vpc", spec.vpc() == null ? null : "set");
        if (spec.vpc() != null) {
            f.list("vpc.securityGroupIds", sorted(spec.vpc().securityGroupIds()));
            f.list("vpc.subnets", sorted(spec.vpc().subnets()));
        }
        f.put("networkIsolation", spec.networkIsolation());
        f.put("interContainerEncryption", spec.interContainerEncryption());
        f.put("retryStrategy", spec.retryStrategy() == null ? null : spec.retryStrategy().maximumRetryAttempts());
        f.put("outputPath", spec.outputPath());
        f.put("outputKmsKeyId", spec.outputKmsKeyId());
        f.put("roleArn", spec.roleArn());
        return f.text.toString();
    }

    private void put(String path, Object value) {
        text.append(path).append(' ');
        if (value == null) {
            text.append('~');
        } else {
            String s = value.toString();
            text.append(s.length()).append(':').append(s);
        }
        text.append('\n');
    }

    private void list(String path, List<String> values) {
        put(path, values.size());
        for (int i = 0; i < values.size(); i++) {
            put(path + "[" + i + "]", values.get(i));
        }
    }

    private void map(String path, Map<String, String> values) {
        Map<String, String> sorted = new TreeMap<>(values);
        put(path, sorted.size());
        sorted.forEach((key, value) -> put(path + "." + key.length() + ":" + key, value));
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values == null ? List.of() : values);
        copy.sort(Comparator.naturalOrder());
        return copy;
    }
}
