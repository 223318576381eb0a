package dev.drydock.archive;

import java.util.ArrayList;
import java.util.List;

/** Collects every invalid setting, then reports them at once as field, value and rule. */
final class Checks {
    private final List<String> problems = new ArrayList<>();

    void check(boolean ok, String field, Object value, String rule) {
        if (!ok) {
            problems.add(field + " " + value + " " + rule);
        }
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }
}
