package dev.drydock.core.tuning;

import dev.drydock.core.error.InvalidInputException;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks an enum constant up by its SageMaker wire name; the error lists the accepted names. */
final class WireNames {
    private WireNames() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String name, Function<E, String> wireName) {
        for (E value : type.getEnumConstants()) {
            if (wireName.apply(value).equals(name)) {
                return value;
            }
        }
        throw InvalidInputException.of(field, name, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(wireName).collect(Collectors.joining(", ")));
    }
}
