package dev.drydock.core.model;

import dev.drydock.core.error.Violations;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One input channel of a training job: its data appears in the container at {@code /opt/ml/input/data/<name>/}.
 *
 * @param name         {@value #NAME_RULE}, at most 64 characters, unique within a job
 * @param source       where the data is: an object or a prefix in storage
 * @param contentType  the MIME type the trainer may read (for example {@code text/csv}), or {@code null}
 * @param inputMode    how data reaches the container; {@code null} means the job's default
 * @param distribution how objects are spread over several hosts
 * @param compression  whether objects are gzip-compressed
 * @param recordWrapper whether records are RecordIO-wrapped
 */
public record Channel(String name, StorageUri source, String contentType, InputMode inputMode,
                      DataDistribution distribution, CompressionType compression, RecordWrapper recordWrapper) {
    /** SageMaker's ChannelName pattern. */
    public static final String NAME_RULE = "[A-Za-z0-9\\.\\-_]+";
    private static final Pattern NAME = Pattern.compile(NAME_RULE);
    private static final int MAX_NAME = 64;
    private static final int MAX_CONTENT_TYPE = 256;

    /** Validates the channel, reporting every problem at once. */
    public Channel {
        Violations v = new Violations();
        v.check(name != null && NAME.matcher(name).matches() && name.length() <= MAX_NAME, "name", name,
                "must match " + NAME_RULE + " and be at most " + MAX_NAME + " characters");
        v.check(source != null, "source", null, "must be a storage URI such as s3://bucket/train/ or file:///data/train/");
        if (contentType != null) {
            v.check(contentType.length() <= MAX_CONTENT_TYPE, "contentType", contentType, "must be at most " + MAX_CONTENT_TYPE + " characters");
        }
        v.throwIfAny();
        distribution = Objects.requireNonNullElse(distribution, DataDistribution.FULLY_REPLICATED);
        compression = Objects.requireNonNullElse(compression, CompressionType.NONE);
        recordWrapper = Objects.requireNonNullElse(recordWrapper, RecordWrapper.NONE);
    }

    /** A channel with defaults: File mode, fully replicated, uncompressed, no content type. */
    public static Channel of(String name, StorageUri source) {
        return new Channel(name, source, null, null, null, null, null);
    }

    /** A builder for a channel named {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The input mode, falling back to {@code jobDefault} when the channel sets none. */
    public InputMode effectiveInputMode(InputMode jobDefault) {
        return inputMode == null ? jobDefault : inputMode;
    }

    /** Builds a {@link Channel}; validation happens in {@link #build()}. */
    public static final class Builder {
        private final String name;
        private StorageUri source;
        private String sourceText;
        private String contentType;
        private InputMode inputMode;
        private DataDistribution distribution;
        private CompressionType compression;
        private RecordWrapper recordWrapper;

        private Builder(String name) {
            this.name = name;
        }

        /** The channel's name. */
        public String name() {
            return name;
        }

        /** An independent builder with the same settings, so that a value holding one never shares it. */
        public Builder copy() {
            Builder b = new Builder(name);
            b.source = source;
            b.sourceText = sourceText;
            b.contentType = contentType;
            b.inputMode = inputMode;
            b.distribution = distribution;
            b.compression = compression;
            b.recordWrapper = recordWrapper;
            return b;
        }

        /** Where the data is. */
        public Builder source(StorageUri uri) {
            this.source = uri;
            this.sourceText = null;
            return this;
        }

        /** Where the data is, parsed when the channel is built. */
        public Builder source(String uri) {
            this.sourceText = uri;
            this.source = null;
            return this;
        }

        /** The MIME type, such as {@code text/csv}. */
        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        /** File, Pipe or FastFile. */
        public Builder inputMode(InputMode inputMode) {
            this.inputMode = inputMode;
            return this;
        }

        /** FullyReplicated or ShardedByS3Key. */
        public Builder distribution(DataDistribution distribution) {
            this.distribution = distribution;
            return this;
        }

        /** None or Gzip. */
        public Builder compression(CompressionType compression) {
            this.compression = compression;
            return this;
        }

        /** None or RecordIO. */
        public Builder recordWrapper(RecordWrapper recordWrapper) {
            this.recordWrapper = recordWrapper;
            return this;
        }

        /** Whether a source has been set. */
        public boolean hasSource() {
            return source != null || sourceText != null;
        }

        /** The validated channel. */
        public Channel build() {
            Violations v = new Violations();
            StorageUri uri = sourceText == null ? source : v.collect("source", () -> StorageUri.parse(sourceText));
            if (!v.isEmpty()) {
                // Report the name check too, so that a channel with several faults lists them all.
                v.collect("", () -> new Channel(name, StorageUri.parse("file:///"), contentType, inputMode, distribution, compression, recordWrapper));
                v.throwIfAny();
            }
            return new Channel(name, uri, contentType, inputMode, distribution, compression, recordWrapper);
        }
    }
}
