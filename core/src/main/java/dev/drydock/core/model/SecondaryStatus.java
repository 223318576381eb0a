package dev.drydock.core.model;

import dev.drydock.core.error.InvalidInputException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The finer status of a training job (SageMaker's SecondaryStatus); its transitions are reported as they happen. */
public enum SecondaryStatus {
    /** Resources are being prepared. */
    STARTING("Starting"),
    /** The job waits for capacity. */
    PENDING("Pending"),
    /** Instances are being launched. */
    LAUNCHING_ML_INSTANCES("LaunchingMLInstances"),
    /** The training stack is being prepared. */
    PREPARING_TRAINING_STACK("PreparingTrainingStack"),
    /** Input data is being staged into the channels. */
    DOWNLOADING("Downloading"),
    /** The training image is being pulled. */
    DOWNLOADING_TRAINING_IMAGE("DownloadingTrainingImage"),
    /** The container runs. */
    TRAINING("Training"),
    /** The model and output are being packed and stored. */
    UPLOADING("Uploading"),
    /** The container received SIGTERM. */
    STOPPING("Stopping"),
    /** The job was stopped. */
    STOPPED("Stopped"),
    /** The job ran past its maximum runtime and was stopped. */
    MAX_RUNTIME_EXCEEDED("MaxRuntimeExceeded"),
    /** A spot job waited past its maximum wait time. */
    MAX_WAIT_TIME_EXCEEDED("MaxWaitTimeExceeded"),
    /** A spot instance was interrupted. */
    INTERRUPTED("Interrupted"),
    /** The job is being retried. */
    RESTARTING("Restarting"),
    /** The job is being updated. */
    UPDATING("Updating"),
    /** The job completed. */
    COMPLETED("Completed"),
    /** The job failed. */
    FAILED("Failed");

    private final String wireName;

    SecondaryStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name SageMaker's API and the container's config files use. */
    public String wireName() {
        return wireName;
    }

    /** The constant whose {@link #wireName()} is {@code name}; the error lists the accepted names. */
    public static SecondaryStatus fromWireName(String name) {
        for (SecondaryStatus value : values()) {
            if (value.wireName.equals(name)) {
                return value;
            }
        }
        throw InvalidInputException.of("secondaryStatus", name, "must be one of "
                + Arrays.stream(values()).map(SecondaryStatus::wireName).collect(Collectors.joining(", ")));
    }
}
