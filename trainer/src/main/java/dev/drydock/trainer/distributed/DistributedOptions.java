package dev.drydock.trainer.distributed;

import dev.drydock.contract.Hyperparameters;
import dev.drydock.contract.TrainingException;
import java.time.Duration;
import java.util.Set;

/**
 * The hyperparameters of a job of several hosts; a job of one host ignores them.
 *
 * @param distribution {@value Distribution#HYPERPARAMETER}: {@code rows}, {@code trials} or {@code auto} (the
 *                     default; see {@link Distribution})
 * @param joinTimeout  {@value #JOIN_TIMEOUT} seconds, default 300: how long a host keeps trying to join the
 *                     tracker (with backoff) before it fails; hosts that start minutes apart (a slow image pull on
 *                     SageMaker) still meet, and a host that never starts fails the others after this
 * @param timeout      {@value #TIMEOUT} seconds, default 600: how long a collective operation waits for the other
 *                     hosts before this host fails. A host that dies closes its sockets, which the others notice at
 *                     their next exchange; this bound is for a host that hangs or whose network is cut
 */
public record DistributedOptions(Distribution distribution, Duration joinTimeout, Duration timeout) {
    /** Hyperparameter of {@link #joinTimeout}. */
    public static final String JOIN_TIMEOUT = "distributed_join_timeout";
    /** Hyperparameter of {@link #timeout}. */
    public static final String TIMEOUT = "distributed_timeout";
    /** Every hyperparameter name of this record. */
    public static final Set<String> NAMES = Set.of(Distribution.HYPERPARAMETER, JOIN_TIMEOUT, TIMEOUT);

    /** Checks that the bounds are positive. */
    public DistributedOptions {
        if (joinTimeout.isNegative() || joinTimeout.isZero()) {
            throw new TrainingException("hyperparameter " + JOIN_TIMEOUT + " must be a positive number of seconds, got "
                    + joinTimeout.toSeconds());
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new TrainingException("hyperparameter " + TIMEOUT + " must be a positive number of seconds, got "
                    + timeout.toSeconds());
        }
    }

    /** @return the options the hyperparameters set, defaults for those absent */
    public static DistributedOptions from(Hyperparameters hp) {
        return new DistributedOptions(Distribution.parse(hp.string(Distribution.HYPERPARAMETER, "auto")),
                Duration.ofSeconds(hp.integer(JOIN_TIMEOUT, 300)), Duration.ofSeconds(hp.integer(TIMEOUT, 600)));
    }
}
