package dev.drydock.contract;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parses the wire names of the contract's enums. */
final class WireNames {
    private WireNames() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, E[] values, Function<E, String> wire, String name, String where) {
        for (E value : values) {
            if (wire.apply(value).equals(name)) {
                return value;
            }
        }
        throw new TrainingException(where + ": " + type.getSimpleName() + " \"" + name + "\" is not one of "
                + Arrays.stream(values).map(wire).collect(Collectors.joining(", "))
                + " (the names are case-sensitive)");
    }
}
