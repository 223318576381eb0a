package dev.drydock.core.model;

import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.Violation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Asserts that code throws {@link InvalidInputException} whose message names field, value and rule. */
final class ViolationAssert {
    private ViolationAssert() {
    }

    /** The violations {@code code} throws; fails when it throws nothing or something else. */
    static List<Violation> violationsOf(ThrowingCallable code) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, code);
        assertThat(e).as("expected an InvalidInputException").isNotNull();
        return e.violations();
    }

    /**
     * Asserts that {@code code} throws exactly one violation, of {@code field} with {@code value} (null: missing),
     * whose rule contains {@code rule}, and that the message shows all three.
     */
    static void assertSingleViolation(ThrowingCallable code, String field, String value, String rule) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, code);
        assertThat(e).as("expected an InvalidInputException").isNotNull();
        assertThat(e.violations()).hasSize(1);
        assertViolation(e.violations().get(0), field, value, rule);
        assertThat(e.getMessage()).contains(field).contains(rule);
        if (value != null) {
            assertThat(e.getMessage()).contains("\"" + value + "\"");
        } else {
            assertThat(e.getMessage()).contains("is missing");
        }
    }

    /** Asserts one violation's parts. */
    static void assertViolation(Violation v, String field, String value, String rule) {
        assertThat(v.field()).isEqualTo(field);
        assertThat(v.value()).isEqualTo(value);
        assertThat(v.rule()).contains(rule);
    }
}
