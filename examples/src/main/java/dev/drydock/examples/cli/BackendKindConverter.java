package dev.drydock.examples.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/** Reads {@code process}, {@code docker} or {@code sagemaker} in any case. */
public final class BackendKindConverter implements ITypeConverter<BackendKind> {
    @Override
    public BackendKind convert(String value) {
        try {
            return BackendKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("unknown backend '" + value + "': use process, docker or sagemaker");
        }
    }
}
