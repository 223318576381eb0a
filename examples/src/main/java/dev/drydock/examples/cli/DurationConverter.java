package dev.drydock.examples.cli;

import dev.drydock.core.model.DurationText;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;

import java.time.Duration;

/** {@code --timeout 10m}: durations as people type them ({@link DurationText}), ISO-8601 too. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return DurationText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("\"" + value + "\" " + e.getMessage());
        }
    }
}
