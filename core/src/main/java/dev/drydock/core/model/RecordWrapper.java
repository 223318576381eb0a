package dev.drydock.core.model;

import dev.drydock.core.error.InvalidInputException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Whether records are wrapped (SageMaker's RecordWrapperType). */
public enum RecordWrapper {
    /** No wrapping. */
    NONE("None"),
    /** Records are wrapped in RecordIO. */
    RECORD_IO("RecordIO");

    private final String wireName;

    RecordWrapper(String wireName) {
        this.wireName = wireName;
    }

    /** The name SageMaker's API and the container's config files use. */
    public String wireName() {
        return wireName;
    }

    /** The constant whose {@link #wireName()} is {@code name}; the error lists the accepted names. */
    public static RecordWrapper fromWireName(String name) {
        for (RecordWrapper value : values()) {
            if (value.wireName.equals(name)) {
                return value;
            }
        }
        throw InvalidInputException.of("recordWrapper", name, "must be one of "
                + Arrays.stream(values()).map(RecordWrapper::wireName).collect(Collectors.joining(", ")));
    }
}
