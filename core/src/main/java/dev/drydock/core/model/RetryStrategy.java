package dev.drydock.core.model;

import dev.drydock.core.error.InvalidInputException;

/**
 * How often the platform retries a job that failed from an internal error (SageMaker's RetryStrategy).
 *
 * @param maximumRetryAttempts 1 to 30
 */
public record RetryStrategy(int maximumRetryAttempts) {
    /** Validates the count. */
    public RetryStrategy {
        if (maximumRetryAttempts < 1 || maximumRetryAttempts > 30) {
            throw InvalidInputException.of("maximumRetryAttempts", maximumRetryAttempts, "must be between 1 and 30");
        }
    }
}
