package dev.drydock.core.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input broke one or more rules. Every violation found is reported together, not only the first, so that a
 * user fixes a spec in one go.
 */
public class InvalidInputException extends DrydockException {
    private static final long serialVersionUID = 1L;

    private final List<Violation> violations;

    /** An error that lists every violation, one a line. */
    public InvalidInputException(List<Violation> violations) {
        super(ErrorCode.INVALID_INPUT, describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** An error for a single violation. */
    public InvalidInputException(Violation violation) {
        this(List.of(violation));
    }

    /** Shorthand for a single violation of {@code field}. */
    public static InvalidInputException of(String field, Object value, String rule) {
        return new InvalidInputException(Violation.of(field, value, rule));
    }

    /** The violations, in the order they were found. */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one violation");
        }
        if (violations.size() == 1) {
            return violations.get(0).message();
        }
        return violations.size() + " problems:" + violations.stream()
                .map(v -> "\n  - " + v.message())
                .collect(Collectors.joining());
    }
}
