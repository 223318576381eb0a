package dev.drydock.core.error;

/**
 * The category of a {@link DrydockException}: what kind of thing went wrong, independent of the backend.
 *
 * <p>Each code states whether an operation that failed with it may succeed when simply repeated; see
 * {@link #retryableByDefault()}.
 */
public enum ErrorCode {
    /** A job spec, URI, name or option broke a rule; fix the input. */
    INVALID_INPUT(false),
    /** Configuration of drydock itself (credentials, region, paths, backend choice) is missing or wrong. */
    CONFIGURATION(false),
    /** A job, image, object or file that was named does not exist. */
    NOT_FOUND(false),
    /** A job (or other named thing) of that name already exists and is not the same. */
    ALREADY_EXISTS(false),
    /** The caller is not allowed to do this (IAM, file permissions). */
    ACCESS_DENIED(false),
    /** The training job ended in Failed. */
    JOB_FAILED(false),
    /** The training job was stopped before it completed and before it saved a model. */
    JOB_STOPPED(false),
    /** Waiting for something took longer than the caller allowed. */
    TIMEOUT(true),
    /** The backend asked us to slow down (throttling, limit exceeded). */
    THROTTLED(true),
    /** A service the backend needs (Docker daemon, registry, AWS endpoint) did not answer. */
    BACKEND_UNAVAILABLE(true),
    /** An archive would write outside its target, or is larger than allowed. */
    UNSAFE_ARCHIVE(false),
    /** Reading or writing local files failed. */
    IO(false),
    /** The calling thread was interrupted while waiting. */
    INTERRUPTED(false),
    /** A bug or an answer drydock did not expect. */
    INTERNAL(false);

    private final boolean retryableByDefault;

    ErrorCode(boolean retryableByDefault) {
        this.retryableByDefault = retryableByDefault;
    }

    /** Whether an operation that failed with this code may succeed if repeated unchanged. */
    public boolean retryableByDefault() {
        return retryableByDefault;
    }
}
