package dev.drydock.core.model;

import dev.drydock.core.error.InvalidInputException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The state of a training job (SageMaker's TrainingJobStatus). */
public enum JobState {
    /** The job was accepted and has not ended. */
    IN_PROGRESS("InProgress"),
    /** The container exited 0 and its model was collected. */
    COMPLETED("Completed"),
    /** The container (or the platform) failed; the job has a failure reason. */
    FAILED("Failed"),
    /** A stop was requested; the container received SIGTERM. */
    STOPPING("Stopping"),
    /** The job was stopped (by request or by its maximum runtime). */
    STOPPED("Stopped");

    private final String wireName;

    JobState(String wireName) {
        this.wireName = wireName;
    }

    /** Whether the job has ended: Completed, Failed or Stopped. A terminal state never changes again. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == STOPPED;
    }

    /** The name SageMaker's API and the container's config files use. */
    public String wireName() {
        return wireName;
    }

    /** The constant whose {@link #wireName()} is {@code name}; the error lists the accepted names. */
    public static JobState fromWireName(String name) {
        for (JobState value : values()) {
            if (value.wireName.equals(name)) {
                return value;
            }
        }
        throw InvalidInputException.of("state", name, "must be one of "
                + Arrays.stream(values()).map(JobState::wireName).collect(Collectors.joining(", ")));
    }
}
