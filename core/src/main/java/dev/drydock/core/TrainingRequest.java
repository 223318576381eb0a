package dev.drydock.core;

import dev.drydock.core.model.Channel;
import dev.drydock.core.model.TrainingJobSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a user asks {@link Drydock#submit} to run: an image source, local inputs to upload, and the rest of the
 * job's spec. The same request runs on any backend. Immutable: the spec parts are applied when the request is built
 * and held as a template that each submit copies, so a request can be submitted twice, or kept, without surprises.
 *
 * <pre>{@code
 * TrainingRequest request = TrainingRequest.builder()
 *         .image(ImageSource.existing("drydock/trainer:latest"))
 *         .baseJobName("house-prices")
 *         .input("training", Path.of("data/train.csv"), "text/csv")
 *         .spec(spec -> spec.hyperparameter("strategy", "halving")
 *                           .metric("cv_rmsle", "^cv_rmsle=([0-9.]+)$"))
 *         .build();
 * }</pre>
 *
 * <p>What the request says itself (the name, the image, the local inputs' channels) is not to be said again in the
 * spec: {@link Drydock#submit} refuses a spec template that sets a name, an image or a channel of a local input's
 * name, rather than let one silently win over the other.
 */
public final class TrainingRequest {
    private final ImageSource image;
    private final String jobName;
    private final String baseJobName;
    private final List<LocalInput> localInputs;
    private final TrainingJobSpec.Builder specTemplate;

    private TrainingRequest(Builder b) {
        this.image = Objects.requireNonNull(b.image,
                "image: say where the training image comes from (ImageSource.existing or ImageSource.build)");
        this.jobName = b.jobName;
        this.baseJobName = b.baseJobName;
        this.localInputs = List.copyOf(b.localInputs);
        TrainingJobSpec.Builder template = TrainingJobSpec.builder();
        b.spec.forEach(part -> part.accept(template));
        this.specTemplate = template;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where the training image comes from. */
    public ImageSource image() {
        return image;
    }

    /** The job's exact name, when the user gave one (otherwise one is generated). */
    public Optional<String> jobName() {
        return Optional.ofNullable(jobName);
    }

    /** The base of a generated name, when given (the image's repository name otherwise). */
    public Optional<String> baseJobName() {
        return Optional.ofNullable(baseJobName);
    }

    /** The local files or folders uploaded as channels. */
    public List<LocalInput> localInputs() {
        return localInputs;
    }

    /** A fresh copy of the rest of the spec (hyperparameters, channels in storage, resources, ...). */
    public TrainingJobSpec.Builder specTemplate() {
        return specTemplate.copy();
    }

    /**
     * A local file or folder that becomes a channel: uploaded to the backend's storage before the job starts.
     *
     * @param channel the channel's configuration without a source (the upload location becomes its source); copied
     * @param path    the local file or folder
     */
    public record LocalInput(Channel.Builder channel, Path path) {
        /** Validates and copies the fields. */
        public LocalInput {
            channel = Objects.requireNonNull(channel, "channel").copy();
            Objects.requireNonNull(path, "path");
        }

        /** A copy of the channel's configuration. */
        @Override
        public Channel.Builder channel() {
            return channel.copy();
        }

        /** The channel's name. */
        public String channelName() {
            return channel.name();
        }
    }

    /** Builds a {@link TrainingRequest}. */
    public static final class Builder {
        private ImageSource image;
        private String jobName;
        private String baseJobName;
        private final List<LocalInput> localInputs = new ArrayList<>();
        private final List<Consumer<TrainingJobSpec.Builder>> spec = new ArrayList<>();

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

        /** Sets the rest of the spec; may be called several times, each adds to the last; applied by {@link #build()}. */
        public Builder spec(Consumer<TrainingJobSpec.Builder> customizer) {
            spec.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        /** The request, with every spec part applied. */
        public TrainingRequest build() {
            return new TrainingRequest(this);
        }
    }
}
