package dev.drydock.contractkit;

/**
 * A check of the container contract failed. The message says what the program did, what SageMaker relies on, and
 * what to change.
 */
public class ContractViolation extends AssertionError {
    private static final long serialVersionUID = 1L;

    /**
     * @param check the check, e.g. {@code model}
     * @param message what happened and what to change
     */
    public ContractViolation(String check, String message) {
        super("container contract, " + check + ": " + message);
    }
}
