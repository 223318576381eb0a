package dev.drydock.core.tuning;

import dev.drydock.core.error.Violations;

/**
 * Hyperband's resources (SageMaker's {@code HyperbandStrategyConfig}): a resource is one intermediate objective value
 * the trial logs (an epoch, a boosting round). No trial is stopped before {@code minResource}; the rungs of
 * successive halving lie between {@code minResource} and {@code maxResource}.
 *
 * @param minResource the fewest resources a trial gets before it may be stopped, at least 1
 * @param maxResource the resources of a full trial (above the last rung), at least {@code minResource}
 */
public record HyperbandConfig(int minResource, int maxResource) {
    /** The factor by which each rung of successive halving keeps fewer trials (the Hyperband paper's eta). */
    public static final int REDUCTION_FACTOR = 3;

    /** Validates the resources. */
    public HyperbandConfig {
        Violations v = new Violations();
        v.check(minResource >= 1, "minResource", minResource, "must be at least 1");
        v.check(maxResource >= Math.max(1, minResource), "maxResource", maxResource,
                "must be at least minResource " + minResource);
        v.throwIfAny();
    }
}
