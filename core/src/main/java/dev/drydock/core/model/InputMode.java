package dev.drydock.core.model;

import dev.drydock.core.error.InvalidInputException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a channel's data reaches the container (SageMaker's TrainingInputMode). */
public enum InputMode {
    /** The data is copied into /opt/ml/input/data/&lt;channel&gt;/ before training starts. */
    FILE("File"),
    /** The data is streamed through a FIFO; local backends stage it as files and say so in the logs. */
    PIPE("Pipe"),
    /** The data is mounted and read on demand; local backends stage it as files. */
    FAST_FILE("FastFile");

    private final String wireName;

    InputMode(String wireName) {
        this.wireName = wireName;
    }

    /** The name SageMaker's API and the container's config files use. */
    public String wireName() {
        return wireName;
    }

    /** The constant whose {@link #wireName()} is {@code name}; the error lists the accepted names. */
    public static InputMode fromWireName(String name) {
        for (InputMode value : values()) {
            if (value.wireName.equals(name)) {
                return value;
            }
        }
        throw InvalidInputException.of("inputMode", name, "must be one of "
                + Arrays.stream(values()).map(InputMode::wireName).collect(Collectors.joining(", ")));
    }
}
