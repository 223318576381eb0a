package dev.drydock.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * How a job ended: {@link Succeeded}, {@link Failed} with a reason, or {@link Stopped}. Use {@code instanceof} on the
 * three cases; the set is closed.
 */
public sealed interface JobOutcome permits JobOutcome.Succeeded, JobOutcome.Failed, JobOutcome.Stopped {

    /** The job's final description. */
    JobDescription description();

    /** The outcome a terminal description stands for. */
    static JobOutcome of(JobDescription description) {
        switch (description.state()) {
            case COMPLETED:
                return new Succeeded(description);
            case FAILED:
                return new Failed(description, description.failureReasonIfAny().orElse("the backend gave no failure reason"));
            case STOPPED:
                return new Stopped(description);
            case IN_PROGRESS:
            case STOPPING:
                throw new IllegalArgumentException("job " + description.name() + " is " + description.state().wireName()
                        + ", not ended: it has no outcome yet");
        }
        throw new AssertionError(description.state());
    }

    /**
     * The job completed and its model was stored.
     *
     * @param description the final description
     */
    record Succeeded(JobDescription description) implements JobOutcome {
        /** Validates the description. */
        public Succeeded {
            Objects.requireNonNull(description, "description");
        }

        /** Where the model is. */
        public StorageUri modelArtifact() {
            return description.modelArtifact();
        }
    }

    /**
     * The job failed.
     *
     * @param description the final description
     * @param reason      the failure reason
     */
    record Failed(JobDescription description, String reason) implements JobOutcome {
        /** Validates the fields. */
        public Failed {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The job was stopped, by request or because it reached its maximum runtime. As on SageMaker, what its
     * container saved in {@code /opt/ml/model} before it ended (within the grace period, or when killed) is
     * published as its model: see {@link #modelArtifactIfAny()}.
     *
     * @param description the final description
     */
    record Stopped(JobDescription description) implements JobOutcome {
        /** Validates the description. */
        public Stopped {
            Objects.requireNonNull(description, "description");
        }

        /** Whether it was stopped for running past its maximum runtime rather than by request. */
        public boolean maxRuntimeExceeded() {
            return description.transitions().stream().anyMatch(t -> t.status() == SecondaryStatus.MAX_RUNTIME_EXCEEDED);
        }

        /** Where the model the container saved before it stopped is, if it saved one. */
        public Optional<StorageUri> modelArtifactIfAny() {
            return description.modelArtifactIfAny();
        }
    }
}
