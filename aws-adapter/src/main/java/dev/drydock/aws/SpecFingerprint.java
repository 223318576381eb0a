package dev.drydock.aws;

import dev.drydock.core.model.TrainingJobSpec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a job spec (with the role it runs as), stored as the tag {@value #TAG} on the SageMaker job so that a
 * retried submit can tell its own job from a different job of the same name.
 *
 * <p>The spec's records print every field in a fixed order, so equal specs give equal text; the hash keeps secrets
 * that may be in the environment out of the tag.
 */
final class SpecFingerprint {
    /** The tag that carries the fingerprint. */
    static final String TAG = "drydock:spec-sha256";

    private SpecFingerprint() {
    }

    /** The lower-case hex SHA-256 of {@code spec} run as {@code roleArn}. */
    static String of(TrainingJobSpec spec, String roleArn) {
        // The fingerprint tag itself must not influence the fingerprint.
        String canonical = spec.toString() + "\nroleArn=" + roleArn;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
