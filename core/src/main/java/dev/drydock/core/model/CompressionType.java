package dev.drydock.core.model;

import dev.drydock.core.error.InvalidInputException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Whether a channel's objects are compressed (SageMaker's CompressionType). */
public enum CompressionType {
    /** Objects are used as they are. */
    NONE("None"),
    /** Objects are gzip files, decompressed before the container sees them (Pipe mode in SageMaker). */
    GZIP("Gzip");

    private final String wireName;

    CompressionType(String wireName) {
        this.wireName = wireName;
    }

    /** The name SageMaker's API and the container's config files use. */
    public String wireName() {
        return wireName;
    }

    /** The constant whose {@link #wireName()} is {@code name}; the error lists the accepted names. */
    public static CompressionType fromWireName(String name) {
        for (CompressionType value : values()) {
            if (value.wireName.equals(name)) {
                return value;
            }
        }
        throw InvalidInputException.of("compression", name, "must be one of "
                + Arrays.stream(values()).map(CompressionType::wireName).collect(Collectors.joining(", ")));
    }
}
