package dev.drydock.core.model;

import dev.drydock.core.error.InvalidInputException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A training job's name, unique per backend, with SageMaker's rule so that a name accepted locally is accepted
 * in the cloud: {@value #RULE}.
 *
 * @param value the name
 */
public record JobName(String value) {
    /** SageMaker's TrainingJobName pattern. */
    public static final String RULE = "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}";
    /** The longest name SageMaker accepts. */
    public static final int MAX_LENGTH = 63;

    private static final Pattern PATTERN = Pattern.compile(RULE);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss-SSS").withZone(ZoneOffset.UTC);
    /** The last millisecond handed out, so that two names generated in the same millisecond still differ. */
    private static final AtomicLong LAST_MILLIS = new AtomicLong();

    /** Validates the name. */
    public JobName {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw InvalidInputException.of("jobName", value, "must match " + RULE
                    + " (letters, digits and hyphens, 1 to 63 characters, starting and ending with a letter or digit)");
        }
    }

    /** The name {@code value}, validated. */
    public static JobName of(String value) {
        return new JobName(value);
    }

    /**
     * A unique name from a base name (for example an image's repository name) and a millisecond UTC timestamp,
     * as the SageMaker Python SDK makes them: {@code base-2026-11-29-03-28-02-123}. The base is cleaned (characters
     * SageMaker refuses become hyphens) and trimmed so that the whole stays within 63 characters.
     */
    public static JobName generate(String base) {
        long millis = LAST_MILLIS.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
        String stamp = STAMP.format(Instant.ofEpochMilli(millis));
        String cleaned = clean(base == null ? "" : base);
        int room = MAX_LENGTH - stamp.length() - 1;
        if (cleaned.length() > room) {
            cleaned = trimEnd(cleaned.substring(0, room));
        }
        return new JobName(cleaned.isEmpty() ? "job-" + stamp : cleaned + "-" + stamp);
    }

    private static String clean(String base) {
        String lastSegment = base.substring(base.lastIndexOf('/') + 1);
        int colon = lastSegment.indexOf(':');
        if (colon >= 0) {
            lastSegment = lastSegment.substring(0, colon);
        }
        String hyphenated = lastSegment.replaceAll("[^a-zA-Z0-9-]", "-");
        return trimEnd(hyphenated.replaceAll("^-+", ""));
    }

    private static String trimEnd(String s) {
        return s.replaceAll("-+$", "");
    }

    @Override
    public String toString() {
        return value;
    }
}
