package dev.drydock.core.error;

import java.util.Objects;

/**
 * The one unchecked root of every error drydock throws.
 *
 * <p>Messages say what failed, with the value involved, and how to fix it. Adapters translate vendor
 * exceptions (AWS SDK, Docker, I/O) into this hierarchy at the boundary and keep the original as the cause.
 * {@link #retryable()} tells a caller (or a retry decorator) whether repeating the same call may succeed.
 */
public class DrydockException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final boolean retryable;

    /** An error of {@code code}, retryable as the code is by default. */
    public DrydockException(ErrorCode code, String message) {
        this(code, message, null, code.retryableByDefault());
    }

    /** An error of {@code code} caused by {@code cause}, retryable as the code is by default. */
    public DrydockException(ErrorCode code, String message, Throwable cause) {
        this(code, message, cause, code.retryableByDefault());
    }

    /** An error of {@code code} whose retryability the thrower decides. */
    public DrydockException(ErrorCode code, String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.retryable = retryable;
    }

    /** What kind of failure this is. */
    public ErrorCode code() {
        return code;
    }

    /** Whether repeating the operation unchanged may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
