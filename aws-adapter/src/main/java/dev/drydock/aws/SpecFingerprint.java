package dev.drydock.aws;

import dev.drydock.core.model.TrainingJobSpec;

import java.util.Objects;

/**
 * The fingerprint of a job spec as it runs on SageMaker (with the role it runs as), stored as the tag {@value #TAG} on
 * the SageMaker job so that a retried submit can tell its own job from a different job of the same name.
 *
 * <p>It is core's {@link TrainingJobSpec#fingerprint()} (canonical, independent of map order, a SHA-256 so that
 * secrets in the environment stay out of the tag) of the spec with its effective role: the spec's own, or the
 * backend's default role when the spec has none.
 */
final class SpecFingerprint {
    /** The tag that carries the fingerprint. */
    static final String TAG = "drydock:spec-sha256";

    private SpecFingerprint() {
    }

    /** The lower-case hex SHA-256 of {@code spec} run as {@code roleArn} (a valid role ARN). */
    static String of(TrainingJobSpec spec, String roleArn) {
        // The fingerprint tag itself is not in the spec, so it cannot influence the fingerprint.
        TrainingJobSpec effective = Objects.equals(spec.roleArn(), roleArn) ? spec : spec.toBuilder().roleArn(roleArn).build();
        return effective.fingerprint();
    }

    /**
     * The fingerprint tagged on an existing job or tuning job, or {@code null} when it has none (made by another tool).
     *
     * @throws software.amazon.awssdk.core.exception.SdkException when the tags cannot be read
     */
    static String taggedOn(software.amazon.awssdk.services.sagemaker.SageMakerClient sageMaker, String arn) {
        String value = null;
        for (software.amazon.awssdk.services.sagemaker.model.Tag tag
                : sageMaker.listTags(b -> b.resourceArn(arn).maxResults(100)).tags()) {
            if (TAG.equals(tag.key())) {
                value = tag.value();
            }
        }
        return value;
    }
}
