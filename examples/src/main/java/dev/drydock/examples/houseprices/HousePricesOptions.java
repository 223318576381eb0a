package dev.drydock.examples.houseprices;

import dev.drydock.core.ImageSource;
import dev.drydock.core.model.StorageUri;

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
 * @param checkpoints     where the trainer's checkpoints are kept so that a restarted job resumes its search, or
 *                        {@code null} for none
 * @param spot            managed spot capacity: the job may be interrupted and restarted (on SageMaker when the
 *                        instance is reclaimed, locally by {@code drydock interrupt}); it waits up to twice the timeout
 */
public record HousePricesOptions(Path dataDirectory, Path outputDirectory, ImageSource image, String jobName,
                                 Map<String, String> hyperparameters, Duration timeout, int instanceCount,
                                 StorageUri checkpoints, boolean spot) {

    /** Options without checkpoints, on on-demand capacity. */
    public HousePricesOptions(Path dataDirectory, Path outputDirectory, ImageSource image, String jobName,
                              Map<String, String> hyperparameters, Duration timeout, int instanceCount) {
        this(dataDirectory, outputDirectory, image, jobName, hyperparameters, timeout, instanceCount, null, false);
    }

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

    /**
     * How long a spot job may wait for capacity and restarts in all ({@code MaxWaitTimeInSeconds}): twice the timeout,
     * so that an interruption late in the run still leaves time for the restart to finish.
     */
    public Duration spotMaxWait() {
        return timeout.multipliedBy(2);
    }

    /** How long the job may take in all: the timeout, or the spot job's wait. */
    public Duration wholeRun() {
        return spot ? spotMaxWait() : timeout;
    }

    /** The houses to predict. */
    public Path testCsv() {
        return dataDirectory.resolve("test.csv");
    }
}
