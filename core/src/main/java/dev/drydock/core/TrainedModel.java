package dev.drydock.core;

import dev.drydock.core.model.JobDescription;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A completed job's model, extracted on local disk.
 *
 * @param description     the job's final description (metrics, times, artifact URI)
 * @param modelDirectory  the extracted {@code model.tar.gz}
 * @param outputDirectory the extracted {@code output.tar.gz}, or {@code null} when the job wrote no output data
 */
public record TrainedModel(JobDescription description, Path modelDirectory, Path outputDirectory) {
    /** Validates the required fields. */
    public TrainedModel {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(modelDirectory, "modelDirectory");
    }

    /** The extracted output data, if the job wrote any. */
    public Optional<Path> outputDirectoryIfAny() {
        return Optional.ofNullable(outputDirectory);
    }
}
