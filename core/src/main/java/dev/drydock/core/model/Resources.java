package dev.drydock.core.model;

import dev.drydock.core.error.Violations;

import java.util.regex.Pattern;

/**
 * The compute a job runs on (SageMaker's ResourceConfig). Local backends run {@code instanceCount} hosts and
 * record the instance type in {@code resourceconfig.json}; the type does not change local hardware.
 *
 * @param instanceType   an ML instance type such as {@code ml.m5.xlarge}
 * @param instanceCount  how many hosts, at least 1
 * @param volumeSizeGb   the storage volume per host, 1 to 16384 GB
 * @param volumeKmsKeyId the KMS key that encrypts the volume, or {@code null}
 */
public record Resources(String instanceType, int instanceCount, int volumeSizeGb, String volumeKmsKeyId) {
    /** The instance type drydock uses when none is given. */
    public static final String DEFAULT_INSTANCE_TYPE = "ml.m5.large";
    /** The volume size when none is given, as SageMaker's console suggests. */
    public static final int DEFAULT_VOLUME_GB = 30;
    private static final Pattern TYPE = Pattern.compile("ml\\.[a-z0-9]+(\\.[a-z0-9-]+)+");
    private static final int MAX_VOLUME_GB = 16384;

    /** Validates every field, reporting all problems at once. */
    public Resources {
        Violations v = new Violations();
        v.check(instanceType != null && TYPE.matcher(instanceType).matches(), "instanceType", instanceType,
                "must be an ML instance type such as ml.m5.large or ml.g5.xlarge");
        v.check(instanceCount >= 1, "instanceCount", instanceCount, "must be at least 1");
        v.check(volumeSizeGb >= 1 && volumeSizeGb <= MAX_VOLUME_GB, "volumeSizeGb", volumeSizeGb,
                "must be between 1 and " + MAX_VOLUME_GB);
        v.check(volumeKmsKeyId == null || !volumeKmsKeyId.isBlank(), "volumeKmsKeyId", volumeKmsKeyId, "must not be blank when set");
        v.throwIfAny();
    }

    /** One {@value #DEFAULT_INSTANCE_TYPE} host with a {@value #DEFAULT_VOLUME_GB} GB volume. */
    public static Resources defaults() {
        return new Resources(DEFAULT_INSTANCE_TYPE, 1, DEFAULT_VOLUME_GB, null);
    }

    /** {@code count} hosts of {@code type} with the default volume. */
    public static Resources of(String type, int count) {
        return new Resources(type, count, DEFAULT_VOLUME_GB, null);
    }

    /** The host names SageMaker gives the hosts: {@code algo-1} .. {@code algo-N}. */
    public java.util.List<String> hostNames() {
        return java.util.stream.IntStream.rangeClosed(1, instanceCount).mapToObj(i -> "algo-" + i).toList();
    }
}
