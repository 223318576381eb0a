package dev.drydock.examples.houseprices;

import dev.drydock.core.ImageSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the house-prices job needs to know.
 *
 * @param dataDirectory   a folder with {@code train.csv} and {@code test.csv}
 * @param outputDirectory where {@code submission.csv} and the summary go
 * @param image           the training image (ignored by the child-process backend, which runs the trainer in a JVM)
 * @param jobName         an exact job name, or {@code null} to generate one
 * @param hyperparameters the trainer's hyperparameters (strategy, search space, max_trials, ...)
 * @param timeout         how long to wait for the job
 * @param instanceCount   how many hosts run the job (at least 1); with more than one the trainer shares the work
 *                        (hyperparameter {@code distribution}) and only the first host writes the model
 */
public record HousePricesOptions(Path dataDirectory, Path outputDirectory, ImageSource image, String jobName,
                                 Map<String, String> hyperparameters, Duration timeout, int instanceCount) {

    /** Options for a job of one host. */
    public HousePricesOptions(Path dataDirectory, Path outputDirectory, ImageSource image, String jobName,
                              Map<String, String> hyperparameters, Duration timeout) {
        this(dataDirectory, outputDirectory, image, jobName, hyperparameters, timeout, 1);
    }

    /** Validates the required parts. */
    public HousePricesOptions {
        if (instanceCount < 1) {
            throw dev.drydock.core.error.InvalidInputException.of("instanceCount", String.valueOf(instanceCount),
                    "must be at least 1 (--instance-count)");
        }
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(image, "image");
        hyperparameters = hyperparameters == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(hyperparameters));
        timeout = timeout == null ? Duration.ofHours(2) : timeout;
    }

    /** The training data. */
    public Path trainCsv() {
        return dataDirectory.resolve("train.csv");
    }

    /** The houses to predict. */
    public Path testCsv() {
        return dataDirectory.resolve("test.csv");
    }
}
