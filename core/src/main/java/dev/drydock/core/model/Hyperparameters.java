package dev.drydock.core.model;

import dev.drydock.core.error.Violations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A job's hyperparameters as the container receives them: names to strings. SageMaker's limits apply: at most
 * {@value #MAX_COUNT} entries, names up to {@value #MAX_KEY} and values up to {@value #MAX_VALUE} characters.
 *
 * @param values the entries, in the order they were put
 */
public record Hyperparameters(Map<String, String> values) {
    /** The most hyperparameters SageMaker accepts. */
    public static final int MAX_COUNT = 100;
    /** The longest name. */
    public static final int MAX_KEY = 256;
    /** The longest value. */
    public static final int MAX_VALUE = 2500;

    /** Validates every entry, reporting all problems at once. */
    public Hyperparameters {
        Violations v = new Violations();
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
        v.check(values.size() <= MAX_COUNT, "hyperparameters", values.size() + " entries", "must have at most " + MAX_COUNT + " entries");
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            v.check(key != null && !key.isEmpty() && key.length() <= MAX_KEY, "hyperparameters", key,
                    "names must be 1 to " + MAX_KEY + " characters");
            String value = e.getValue();
            v.check(value != null && value.length() <= MAX_VALUE, "hyperparameters." + key,
                    value == null ? null : value.length() + " characters", "must be a value of at most " + MAX_VALUE + " characters");
        }
        v.throwIfAny();
    }

    /** No hyperparameters. */
    public static Hyperparameters empty() {
        return new Hyperparameters(Map.of());
    }

    /** A builder that encodes typed values with the container contract's codec ({@link dev.drydock.contract.Hyperparameters#encode}). */
    public static Builder builder() {
        return new Builder();
    }

    /** The raw string of {@code name}. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Builds {@link Hyperparameters} from typed values. */
    public static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets {@code name} to {@code value} encoded as the container will read it (numbers, booleans, lists, strings). */
        public Builder put(String name, Object value) {
            values.put(name, dev.drydock.contract.Hyperparameters.encode(value));
            return this;
        }

        /** Sets every entry of {@code typed}. */
        public Builder putAll(Map<String, ?> typed) {
            typed.forEach(this::put);
            return this;
        }

        /** The validated hyperparameters. */
        public Hyperparameters build() {
            return new Hyperparameters(values);
        }
    }
}
