package dev.drydock.core.model;

import dev.drydock.core.error.InvalidInputException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a channel's objects are spread across several hosts (SageMaker's S3DataDistributionType). */
public enum DataDistribution {
    /** Every host receives every object. */
    FULLY_REPLICATED("FullyReplicated"),
    /** Each host receives about 1/N of the objects, split by key. */
    SHARDED_BY_S3_KEY("ShardedByS3Key");

    private final String wireName;

    DataDistribution(String wireName) {
        this.wireName = wireName;
    }

    /** The name SageMaker's API and the container's config files use. */
    public String wireName() {
        return wireName;
    }

    /** The constant whose {@link #wireName()} is {@code name}; the error lists the accepted names. */
    public static DataDistribution fromWireName(String name) {
        for (DataDistribution value : values()) {
            if (value.wireName.equals(name)) {
                return value;
            }
        }
        throw InvalidInputException.of("distribution", name, "must be one of "
                + Arrays.stream(values()).map(DataDistribution::wireName).collect(Collectors.joining(", ")));
    }
}
