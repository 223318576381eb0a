package dev.drydock.core.error;

import java.util.Objects;

/**
 * One broken rule: the field (a path such as {@code channels[1].name}), the value received and the rule it broke.
 *
 * @param field the field's path in the spec
 * @param value the value received, as text ({@code null} when it was missing)
 * @param rule  what the value must be, phrased so that it tells the fix
 */
public record Violation(String field, String value, String rule) {
    /** Validates that field and rule are present. */
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
    }

    /** The violation for any value; {@code null} is shown as missing. */
    public static Violation of(String field, Object value, String rule) {
        return new Violation(field, value == null ? null : String.valueOf(value), rule);
    }

    /** Reads as {@code field "value" must ...}, or {@code field is missing: must ...}. */
    public String message() {
        if (value == null) {
            return field + " is missing: it " + rule;
        }
        return field + " \"" + value + "\" " + rule;
    }

    @Override
    public String toString() {
        return message();
    }
}
