package dev.drydock.core.tuning;

import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.model.JobName;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A tuning job's name, with SageMaker's rule ({@value #RULE}): at most 32 characters, so that its trials' names
 * ({@code <name>-NNN-<8 hex>}) stay within a training job name's 63.
 *
 * @param value the name
 */
public record TuningJobName(String value) {
    /** SageMaker's HyperParameterTuningJobName pattern. */
    public static final String RULE = "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}";
    private static final Pattern PATTERN = Pattern.compile(RULE);
    /** The last millisecond handed out, so that two names generated in the same millisecond still differ. */
    private static final java.util.concurrent.atomic.AtomicLong LAST_MILLIS = new java.util.concurrent.atomic.AtomicLong();

    /** Validates the name. */
    public TuningJobName {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw InvalidInputException.of("tuningJobName", value, "must match " + RULE
                    + " (letters, digits and hyphens, 1 to 32 characters, starting and ending with a letter or digit)");
        }
    }

    /** The name {@code value}, validated. */
    public static TuningJobName of(String value) {
        return new TuningJobName(value);
    }

    /**
     * A unique name from a base name and a UTC timestamp to the millisecond, within 32 characters:
     * {@code house-prices-261202-164801123}. The base is cleaned (characters SageMaker refuses become hyphens) and
     * trimmed to fit.
     */
    public static TuningJobName generate(String base) {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyMMdd-HHmmssSSS").withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.ofEpochMilli(LAST_MILLIS.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()))));
        String cleaned = base == null ? "" : base.substring(base.lastIndexOf('/') + 1).replaceAll(":.*$", "")
                .replaceAll("[^a-zA-Z0-9-]", "-").replaceAll("^-+", "");
        int room = 32 - stamp.length() - 1;
        if (cleaned.length() > room) {
            cleaned = cleaned.substring(0, room);
        }
        cleaned = cleaned.replaceAll("-+$", "");
        return new TuningJobName(cleaned.isEmpty() ? "tuning-" + stamp : cleaned + "-" + stamp);
    }

    /**
     * The name of trial {@code number} (1-based), as SageMaker names a tuning job's training jobs:
     * {@code <tuning-job>-007-1a2b3c4d}. The hash is of the trial's hyperparameters, so that the same trial resumed
     * gets the same name and a resubmit is recognised as the same job.
     */
    public JobName trialName(int number, String hyperparameterText) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((value + "\n" + number + "\n" + hyperparameterText).getBytes(StandardCharsets.UTF_8));
            return JobName.of(String.format("%s-%03d-%s", value, number, HexFormat.of().formatHex(digest, 0, 4)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
