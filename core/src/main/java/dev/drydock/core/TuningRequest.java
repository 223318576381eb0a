package dev.drydock.core;

import dev.drydock.core.tuning.TuningJobSpec;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What {@link Drydock#tune} needs: the training request every trial is made from (image, local inputs, spec with its
 * metric definitions and static hyperparameters) and the tuning settings (ranges, objective, strategy, limits).
 * The training request names no job: trials are named {@code <tuning-job>-NNN-<hash>}.
 *
 * <pre>{@code
 * TuningRequest.builder().training(request).tuning(t -> t.name("house-prices-tune").minimize("validation:rmse")
 *         .continuous("eta", 0.01, 0.3, ScalingType.LOGARITHMIC).maxTrainingJobs(12).maxParallelTrainingJobs(2)).build();
 * }</pre>
 */
public final class TuningRequest {
    private final TrainingRequest training;
    private final Consumer<TuningJobSpec.Builder> tuning;

    private TuningRequest(Builder b) {
        this.training = Objects.requireNonNull(b.training, "training");
        this.tuning = Objects.requireNonNull(b.tuning, "tuning");
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The training request of every trial. */
    public TrainingRequest training() {
        return training;
    }

    /** A fresh tuning spec builder with this request's settings (the workflow adds the training template). */
    public TuningJobSpec.Builder tuningTemplate() {
        TuningJobSpec.Builder b = TuningJobSpec.builder();
        tuning.accept(b);
        return b;
    }

    /** Builds a {@link TuningRequest}. */
    public static final class Builder {
        private TrainingRequest training;
        private Consumer<TuningJobSpec.Builder> tuning;

        private Builder() {
        }

        /** The training request of every trial (required). */
        public Builder training(TrainingRequest value) {
            this.training = value;
            return this;
        }

        /** The tuning settings, applied to a fresh builder at each {@link Drydock#tune} (required). */
        public Builder tuning(Consumer<TuningJobSpec.Builder> value) {
            this.tuning = value;
            return this;
        }

        /** The request. */
        public TuningRequest build() {
            return new TuningRequest(this);
        }
    }
}
