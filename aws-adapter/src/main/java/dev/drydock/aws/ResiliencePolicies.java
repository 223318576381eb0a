package dev.drydock.aws;

import dev.drydock.core.error.Violations;

import java.time.Duration;

/**
 * The retry and rate-limit policies of {@link ResilientTrainingBackend}, in one place.
 *
 * <p>Retries here cover what the AWS SDK does not: throttling and limit-exceeded answers that outlast the SDK's own
 * short retry budget ({@link #sdkMaxAttempts} attempts with its standard backoff) during long waits. Transient HTTP
 * errors are the SDK's business and are not retried again here.
 *
 * @param maxAttempts     attempts per call at this layer (1 = no retry), for describe, list, logs and stop
 * @param initialBackoff  the first wait before a retry
 * @param multiplier      how much each wait grows
 * @param maxBackoff      the longest wait
 * @param jitter          the random fraction (0 to 1) of each wait, so that many waiters do not retry in step
 * @param pollsPerSecond  the most describe and log calls per second this backend makes (SageMaker's Describe limits
 *                        are per account; several waiting jobs share them)
 * @param rateLimitWait   how long a call may wait for a permit before it fails as throttled
 * @param sdkMaxAttempts  attempts the SDK's standard retry strategy makes per HTTP call (transient errors, throttling)
 */
public record ResiliencePolicies(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
                                 double jitter, double pollsPerSecond, Duration rateLimitWait, int sdkMaxAttempts) {

    /** Validates every value. */
    public ResiliencePolicies {
        Violations v = new Violations();
        v.check(maxAttempts >= 1 && maxAttempts <= 100, "maxAttempts", maxAttempts, "must be 1 to 100");
        v.check(initialBackoff != null && !initialBackoff.isNegative() && !initialBackoff.isZero(), "initialBackoff", initialBackoff, "must be positive");
        v.check(multiplier >= 1.0, "multiplier", multiplier, "must be at least 1.0");
        v.check(maxBackoff != null && initialBackoff != null && maxBackoff.compareTo(initialBackoff) >= 0, "maxBackoff", maxBackoff,
                "must be at least initialBackoff");
        v.check(jitter >= 0 && jitter < 1, "jitter", jitter, "must be at least 0 and below 1");
        v.check(pollsPerSecond > 0, "pollsPerSecond", pollsPerSecond, "must be positive");
        v.check(rateLimitWait != null && !rateLimitWait.isNegative(), "rateLimitWait", rateLimitWait, "must not be negative");
        v.check(sdkMaxAttempts >= 1 && sdkMaxAttempts <= 10, "sdkMaxAttempts", sdkMaxAttempts, "must be 1 to 10");
        v.throwIfAny();
    }

    /**
     * 8 attempts, backoff from 1 s doubling to 30 s with 50 % jitter (about 2 minutes of sustained throttling), 2
     * polls per second, 60 s wait for a permit, 3 SDK attempts.
     */
    public static ResiliencePolicies defaults() {
        return new ResiliencePolicies(8, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), 0.5, 2.0,
                Duration.ofSeconds(60), 3);
    }

    /** No retries and no rate limit at this layer (the SDK still retries transient errors). */
    public static ResiliencePolicies none() {
        return new ResiliencePolicies(1, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), 0, 1_000_000, Duration.ZERO, 3);
    }

    /** These policies with {@code attempts} attempts per call. */
    public ResiliencePolicies withMaxAttempts(int attempts) {
        return new ResiliencePolicies(attempts, initialBackoff, multiplier, maxBackoff, jitter, pollsPerSecond, rateLimitWait, sdkMaxAttempts);
    }

    /** These policies with backoff from {@code initial} growing to {@code max}. */
    public ResiliencePolicies withBackoff(Duration initial, Duration max) {
        return new ResiliencePolicies(maxAttempts, initial, multiplier, max, jitter, pollsPerSecond, rateLimitWait, sdkMaxAttempts);
    }

    /** These policies with at most {@code perSecond} describe and log calls per second. */
    public ResiliencePolicies withPollsPerSecond(double perSecond) {
        return new ResiliencePolicies(maxAttempts, initialBackoff, multiplier, maxBackoff, jitter, perSecond, rateLimitWait, sdkMaxAttempts);
    }

    /** These policies with {@code attempts} SDK attempts per HTTP call. */
    public ResiliencePolicies withSdkMaxAttempts(int attempts) {
        return new ResiliencePolicies(maxAttempts, initialBackoff, multiplier, maxBackoff, jitter, pollsPerSecond, rateLimitWait, attempts);
    }
}
