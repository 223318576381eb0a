package dev.drydock.core.model;

import dev.drydock.core.error.Violations;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A metric read from the job's log lines: the first capture group of {@code regex} is the value. Both backends apply
 * the same definitions to the same lines, so a metric seen locally is seen in the cloud.
 *
 * @param name  the metric's name, 1 to 255 characters
 * @param regex a Java regular expression with exactly one capture group, 1 to 500 characters
 */
public record MetricDefinition(String name, String regex) {
    /** The most metric definitions SageMaker accepts for a job. */
    public static final int MAX_COUNT = 40;

    /** Validates the name and that the regex compiles with exactly one capture group. */
    public MetricDefinition {
        Violations v = new Violations();
        v.check(name != null && !name.isEmpty() && name.length() <= 255, "name", name, "must be 1 to 255 characters");
        if (v.check(regex != null && !regex.isEmpty() && regex.length() <= 500, "regex", regex, "must be 1 to 500 characters")) {
            try {
                int groups = Pattern.compile(regex).matcher("").groupCount();
                v.check(groups == 1, "regex", regex, "must have exactly one capture group (it has " + groups
                        + "); use (?:...) for groups that do not capture");
            } catch (PatternSyntaxException e) {
                v.add("regex", regex, "must be a valid regular expression: " + e.getDescription());
            }
        }
        v.throwIfAny();
    }

    /** The value this definition finds in {@code line}, if the regex matches and the group is a number. */
    public OptionalDouble extract(String line) {
        Matcher m = Pattern.compile(regex).matcher(line);
        if (!m.find() || m.group(1) == null) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(m.group(1).trim()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
