package dev.drydock.trainer.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The job's {@code hyperparameters.json}: every value is a string (the platform's rule), decoded here to typed
 * values. Every decoder throws {@link TrainingException} naming the hyperparameter, the value received and the
 * expected form, so that a typo becomes a readable FailureReason.
 *
 * <p>Lists are accepted as JSON arrays ({@code [3,4,5]}) or comma-separated ({@code 3,4,5}).
 */
public final class Hyperparameters {
    private final Map<String, String> values;

    private Hyperparameters(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /**
     * @param values name to string value, as in {@code hyperparameters.json}
     * @return the hyperparameters
     */
    public static Hyperparameters of(Map<String, String> values) {
        return new Hyperparameters(values);
    }

    /** @return every name to its raw string value, sorted by name */
    public Map<String, String> asMap() {
        return values;
    }

    /**
     * Rejects names outside {@code known}: a misspelt name would otherwise be silently ignored.
     *
     * @param known every name the program understands
     * @throws TrainingException listing the unknown and the known names
     */
    public void requireOnly(Set<String> known) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new TrainingException("unknown hyperparameter" + (unknown.size() > 1 ? "s " : " ") + unknown
                    + "; known hyperparameters are " + new TreeSet<>(known));
        }
    }

    /**
     * @param name the hyperparameter
     * @return its raw value, if present and not blank
     */
    public Optional<String> string(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * @param name the hyperparameter
     * @param defaultValue used when absent
     * @return the value or the default
     */
    public String string(String name, String defaultValue) {
        return string(name).orElse(defaultValue);
    }

    /**
     * @param name the hyperparameter
     * @param defaultValue used when absent
     * @return the decoded integer
     * @throws TrainingException when the value is not an integer
     */
    public int integer(String name, int defaultValue) {
        return string(name).map(v -> parseInt(name, v)).orElse(defaultValue);
    }

    /**
     * @param name the hyperparameter
     * @param defaultValue used when absent
     * @return the decoded number
     * @throws TrainingException when the value is not a finite number
     */
    public double number(String name, double defaultValue) {
        return string(name).map(v -> parseDouble(name, v)).orElse(defaultValue);
    }

    /**
     * @param name the hyperparameter
     * @param defaultValue used when absent
     * @return the decoded boolean
     * @throws TrainingException when the value is not {@code true} or {@code false}
     */
    public boolean bool(String name, boolean defaultValue) {
        return string(name).map(v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw malformed(name, v, "true or false");
        }).orElse(defaultValue);
    }

    /**
     * @param name the hyperparameter
     * @param defaultValue used when absent
     * @return the decoded list of numbers, possibly empty ({@code []})
     * @throws TrainingException when an element is not a finite number
     */
    public List<Double> numbers(String name, List<Double> defaultValue) {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        List<Double> out = new ArrayList<>();
        for (String element : elements(raw.get())) {
            try {
                out.add(parseDouble(name, element));
            } catch (TrainingException e) {
                throw malformed(name, raw.get(), "a list of finite numbers as [1,2] or 1,2 (\"" + element
                        + "\" is not one)");
            }
        }
        return List.copyOf(out);
    }

    private static List<String> elements(String raw) {
        String body = raw.startsWith("[") && raw.endsWith("]") ? raw.substring(1, raw.length() - 1) : raw;
        List<String> out = new ArrayList<>();
        for (String part : body.split(",", -1)) {
            String element = part.trim();
            if (element.length() >= 2 && element.startsWith("\"") && element.endsWith("\"")) {
                element = element.substring(1, element.length() - 1).trim();
            }
            if (!element.isEmpty() || !body.isBlank()) {
                out.add(element);
            }
        }
        return out;
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw malformed(name, value, "an integer");
        }
    }

    private static double parseDouble(String name, String value) {
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw malformed(name, value, "a finite number (lists as [1,2] or 1,2)");
    }

    private static TrainingException malformed(String name, String value, String expected) {
        return new TrainingException(
                "hyperparameter " + name + "=\"" + value + "\" is malformed: expected " + expected);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
