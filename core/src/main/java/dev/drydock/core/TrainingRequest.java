package dev.drydock.core;

import dev.drydock.core.model.Channel;
import dev.drydock.core.model.TrainingJobSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a user asks {@link Drydock#submit} to run: an image source, local inputs to upload, and the rest of the
 * job's spec. The same request runs on any backend.
 *
 * <pre>{@code
 * TrainingRequest request = TrainingRequest.builder()
 *         .image(ImageSource.existing("drydock/trainer:latest"))
 *         .baseJobName("house-prices")
 *         .input("training", Path.of("data/train.csv"), "text/csv")
 *         .spec(spec -> spec.hyperparameter("strategy", "halving")
 *                           .metric("cv_rmsle", "cv_rmsle=([0-9.]+)"))
 *         .build();
 * }</pre>
 *
 * @param image       where the training image comes from
 * @param jobName     the job's name, or {@code null} to generate one
 * @param baseJobName the base of a generated name, or {@code null} to use the image's name
 * @param localInputs local files or folders uploaded as channels
 * @param spec        sets everything else of the spec (channels already in storage, hyperparameters, resources, ...)
 */
public record TrainingRequest(ImageSource image, String jobName, String baseJobName, List<LocalInput> localInputs,
                              Consumer<TrainingJobSpec.Builder> spec) {

    /** Validates the required parts. */
    public TrainingRequest {
        Objects.requireNonNull(image, "image: say where the training image comes from (ImageSource.existing or ImageSource.build)");
        localInputs = localInputs == null ? List.of() : List.copyOf(localInputs);
        spec = spec == null ? b -> { } : spec;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A local file or folder that becomes a channel: uploaded to the backend's storage before the job starts.
     *
     * @param channel the channel's configuration without a source (the upload location becomes its source)
     * @param path    the local file or folder
     */
    public record LocalInput(Channel.Builder channel, Path path) {
        /** Validates the fields. */
        public LocalInput {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(path, "path");
        }
    }

    /** Builds a {@link TrainingRequest}. */
    public static final class Builder {
        private ImageSource image;
        private String jobName;
        private String baseJobName;
        private final List<LocalInput> localInputs = new ArrayList<>();
        private Consumer<TrainingJobSpec.Builder> spec = b -> { };

        private Builder() {
        }

        /** Where the training image comes from. */
        public Builder image(ImageSource source) {
            this.image = source;
            return this;
        }

        /** The job's exact name (otherwise one is generated). */
        public Builder jobName(String name) {
            this.jobName = name;
            return this;
        }

        /** The base of the generated name (the image's repository name by default). */
        public Builder baseJobName(String base) {
            this.baseJobName = base;
            return this;
        }

        /** Uploads the local file or folder {@code path} as channel {@code channel}. */
        public Builder input(String channel, Path path) {
            localInputs.add(new LocalInput(Channel.builder(channel), path));
            return this;
        }

        /** Uploads the local file or folder {@code path} as channel {@code channel} of {@code contentType}. */
        public Builder input(String channel, Path path, String contentType) {
            localInputs.add(new LocalInput(Channel.builder(channel).contentType(contentType), path));
            return this;
        }

        /** Uploads {@code path} as a channel configured by {@code channel} (its source is set to the upload). */
        public Builder input(Channel.Builder channel, Path path) {
            localInputs.add(new LocalInput(channel, path));
            return this;
        }

        /** Sets the rest of the spec; may be called several times, each adds to the last. */
        public Builder spec(Consumer<TrainingJobSpec.Builder> customizer) {
            Consumer<TrainingJobSpec.Builder> previous = this.spec;
            this.spec = previous.andThen(customizer);
            return this;
        }

        /** The request. */
        public TrainingRequest build() {
            return new TrainingRequest(image, jobName, baseJobName, localInputs, spec);
        }
    }
}
