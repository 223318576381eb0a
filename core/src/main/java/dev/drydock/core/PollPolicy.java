package dev.drydock.core;

import dev.drydock.core.error.Violations;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often a job's status is asked for: starts at {@code initial}, grows by {@code multiplier} while nothing
 * changes up to {@code max}, returns to {@code initial} when something changes, each wait spread by
 * &plusmn;{@code jitter} so that many followers do not ask in step. Unlike a fixed-interval waiter, the end of a
 * short job is seen quickly, and a long one is not asked about needlessly often.
 *
 * @param initial    the first and shortest wait
 * @param max        the longest wait
 * @param multiplier growth per quiet poll, at least 1
 * @param jitter     relative spread of each wait, 0 to 0.5
 */
public record PollPolicy(Duration initial, Duration max, double multiplier, double jitter) {

    /** Validates the policy. */
    public PollPolicy {
        Violations v = new Violations();
        v.check(initial != null && !initial.isNegative() && !initial.isZero(), "pollPolicy.initial", initial, "must be positive");
        v.check(max != null && initial != null && max.compareTo(initial) >= 0, "pollPolicy.max", max, "must be at least initial");
        v.check(multiplier >= 1.0, "pollPolicy.multiplier", multiplier, "must be at least 1");
        v.check(jitter >= 0 && jitter <= 0.5, "pollPolicy.jitter", jitter, "must be between 0 and 0.5");
        v.throwIfAny();
    }

    /** Suits local backends: 100 ms growing to 2 s. */
    public static PollPolicy local() {
        return new PollPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), 1.5, 0.1);
    }

    /** Suits SageMaker: 2 s growing to 30 s (DescribeTrainingJob is rate limited per account). */
    public static PollPolicy cloud() {
        return new PollPolicy(Duration.ofSeconds(2), Duration.ofSeconds(30), 1.5, 0.2);
    }

    /** The wait after one of {@code previous}, when nothing changed. */
    public Duration next(Duration previous) {
        long grown = (long) Math.min(max.toNanos(), previous.toNanos() * multiplier);
        return Duration.ofNanos(Math.max(initial.toNanos(), grown));
    }

    /** {@code wait} spread by the jitter. */
    public Duration jittered(Duration wait) {
        if (jitter == 0) {
            return wait;
        }
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Duration.ofNanos((long) (wait.toNanos() * factor));
    }
}
