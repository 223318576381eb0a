package dev.drydock.core.error;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every rule a value breaks, so that validation reports all problems together and then throws once.
 *
 * <p>Not thread-safe; one instance per validation.
 */
public final class Violations {
    private final List<Violation> found = new ArrayList<>();

    /** Records a violation of {@code field}. */
    public Violations add(String field, Object value, String rule) {
        found.add(Violation.of(field, value, rule));
        return this;
    }

    /** Records a violation unless {@code ok}; returns {@code ok}. */
    public boolean check(boolean ok, String field, Object value, String rule) {
        if (!ok) {
            add(field, value, rule);
        }
        return ok;
    }

    /**
     * Runs {@code part} (usually a nested record's constructor); if it throws {@link InvalidInputException}, records
     * its violations with their fields prefixed by {@code prefix} and returns {@code null}.
     */
    public <T> T collect(String prefix, Supplier<T> part) {
        try {
            return part.get();
        } catch (InvalidInputException e) {
            for (Violation v : e.violations()) {
                String field = prefix.isEmpty() ? v.field() : v.field().isEmpty() ? prefix : prefix + "." + v.field();
                found.add(new Violation(field, v.value(), v.rule()));
            }
            return null;
        }
    }

    /** Whether nothing was recorded. */
    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** The violations recorded so far. */
    public List<Violation> list() {
        return List.copyOf(found);
    }

    /** Throws an {@link InvalidInputException} with every recorded violation, if any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(withoutRedundantMissing());
        }
    }

    /**
     * Drops "is missing" entries for a field that also has a violation with a value, on itself or on one of its parts
     * ({@code outputPath.uri.bucket} for {@code outputPath}): a part that failed to parse reaches the outer check as
     * missing, and saying so twice would only confuse.
     */
    private List<Violation> withoutRedundantMissing() {
        List<Violation> kept = new ArrayList<>();
        for (Violation v : found) {
            if (v.value() != null || !hasValuedViolationWithin(v.field())) {
                kept.add(v);
            }
        }
        return kept;
    }

    /** Whether a violation with a value was found for {@code field} or a part of it ({@code field.x}, {@code field[0]}). */
    private boolean hasValuedViolationWithin(String field) {
        for (Violation v : found) {
            if (v.value() != null && (v.field().equals(field) || v.field().startsWith(field + ".")
                    || v.field().startsWith(field + "["))) {
                return true;
            }
        }
        return false;
    }
}
