package dev.drydock.core.model;

import dev.drydock.core.error.Violations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything a backend needs to run one training job: SageMaker's CreateTrainingJob request, in drydock's terms.
 *
 * <p>A spec is validated whole, against SageMaker's own limits, so that a job that is accepted locally is not refused
 * in the cloud; every problem is reported together in one {@link dev.drydock.core.error.InvalidInputException}.
 * Build one with {@link #builder()}.
 *
 * @param name                     the job's unique name
 * @param image                    the training image
 * @param containerEntrypoint      replaces the image's entrypoint when not empty (at most 100 items)
 * @param containerArguments       replaces the image's arguments ({@code train}) when not empty (at most 100 items)
 * @param inputMode                the default input mode of the channels
 * @param channels                 the input channels, 0 to 20, with unique names
 * @param hyperparameters          the hyperparameters, as strings
 * @param resources                instance type, count and volume
 * @param stoppingCondition        max runtime (and max wait for spot)
 * @param useSpotInstances         whether to use managed spot capacity (requires a max wait time)
 * @param checkpoint               checkpoint syncing, or {@code null}
 * @param metricDefinitions        metrics read from the logs, at most 40, unique names
 * @param environment              environment variables for the container, at most 100
 * @param tags                     tags on the job, at most 50
 * @param vpc                      VPC of the hosts, or {@code null}
 * @param networkIsolation         whether the container has no network access
 * @param interContainerEncryption whether traffic between hosts is encrypted
 * @param retryStrategy            platform retries, or {@code null}
 * @param outputPath               where {@code {jobName}/output/model.tar.gz} is written
 * @param outputKmsKeyId           KMS key for the output, or {@code null}
 * @param roleArn                  the IAM role SageMaker assumes, or {@code null} (required only by SageMaker)
 */
public record TrainingJobSpec(
        JobName name,
        ImageReference image,
        List<String> containerEntrypoint,
        List<String> containerArguments,
        InputMode inputMode,
        List<Channel> channels,
        Hyperparameters hyperparameters,
        Resources resources,
        StoppingCondition stoppingCondition,
        boolean useSpotInstances,
        CheckpointConfig checkpoint,
        List<MetricDefinition> metricDefinitions,
        Map<String, String> environment,
        Map<String, String> tags,
        VpcConfig vpc,
        boolean networkIsolation,
        boolean interContainerEncryption,
        RetryStrategy retryStrategy,
        StorageUri outputPath,
        String outputKmsKeyId,
        String roleArn) {

    /** The most channels SageMaker accepts. */
    public static final int MAX_CHANNELS = 20;
    /** The most environment variables SageMaker accepts. */
    public static final int MAX_ENVIRONMENT = 100;
    /** The most tags SageMaker accepts. */
    public static final int MAX_TAGS = 50;
    /** SageMaker's RoleArn pattern. */
    public static final String ROLE_ARN_RULE = "arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+";
    private static final Pattern ROLE_ARN = Pattern.compile(ROLE_ARN_RULE);
    private static final Pattern ENV_KEY = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** Validates the whole spec, reporting every problem at once. */
    public TrainingJobSpec {
        containerEntrypoint = containerEntrypoint == null ? List.of() : List.copyOf(containerEntrypoint);
        containerArguments = containerArguments == null ? List.of() : List.copyOf(containerArguments);
        inputMode = inputMode == null ? InputMode.FILE : inputMode;
        channels = channels == null ? List.of() : List.copyOf(channels);
        hyperparameters = hyperparameters == null ? Hyperparameters.empty() : hyperparameters;
        resources = resources == null ? Resources.defaults() : resources;
        stoppingCondition = stoppingCondition == null ? StoppingCondition.defaults() : stoppingCondition;
        metricDefinitions = metricDefinitions == null ? List.of() : List.copyOf(metricDefinitions);
        environment = environment == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        Violations v = new Violations();
        validate(v, name, image, containerEntrypoint, containerArguments, channels, stoppingCondition, useSpotInstances,
                metricDefinitions, environment, tags, outputPath, outputKmsKeyId, roleArn);
        v.throwIfAny();
    }

    /** A builder; {@link Builder#build()} validates everything at once. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this spec's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.image = image;
        b.containerEntrypoint = new ArrayList<>(containerEntrypoint);
        b.containerArguments = new ArrayList<>(containerArguments);
        b.inputMode = inputMode;
        channels.forEach(c -> b.channels.add(Channel.builder(c.name()).source(c.source()).contentType(c.contentType())
                .inputMode(c.inputMode()).distribution(c.distribution()).compression(c.compression()).recordWrapper(c.recordWrapper())));
        b.hyperparameters.putAll(hyperparameters.values());
        b.resources = resources;
        b.stoppingCondition = stoppingCondition;
        b.useSpotInstances = useSpotInstances;
        b.checkpoint = checkpoint;
        b.metricDefinitions.addAll(metricDefinitions);
        b.environment.putAll(environment);
        b.tags.putAll(tags);
        b.vpc = vpc;
        b.networkIsolation = networkIsolation;
        b.interContainerEncryption = interContainerEncryption;
        b.retryStrategy = retryStrategy;
        b.outputPath = outputPath;
        b.outputKmsKeyId = outputKmsKeyId;
        b.roleArn = roleArn;
        return b;
    }

    /** Where SageMaker (and the local backends) put the packed model: {@code {outputPath}/{name}/output/model.tar.gz}. */
    public StorageUri modelArtifactUri() {
        return outputPath.resolve(name.value() + "/output/model.tar.gz");
    }

    /** Where the packed {@code /opt/ml/output/data} goes: {@code {outputPath}/{name}/output/output.tar.gz}. */
    public StorageUri outputArtifactUri() {
        return outputPath.resolve(name.value() + "/output/output.tar.gz");
    }

    /**
     * The spec's identity for "the same job resubmitted": the lower-case hex SHA-256 (64 characters) of a canonical
     * rendering of every field. Equal specs give equal fingerprints whatever order their maps were filled in
     * (hyperparameters, environment, tags), their channels and metric definitions (unique by name) were added in, or
     * their VPC security groups and subnets were listed in; a change to any field, including the name and the role,
     * gives another fingerprint. The container entrypoint and arguments keep their order, which matters.
     *
     * <p>Backends compare it to tell a retried submit (return the existing job) from a different job under a taken
     * name; it is persisted, and being a hash it keeps secrets of the environment out of tags and files.
     */
    public String fingerprint() {
        return SpecCanonicalForm.fingerprint(this);
    }

    /**
     * The spec for logs and messages. Environment values are masked ({@code KEY=****}): an environment often carries
     * tokens and passwords, and a spec is logged where secrets must not go. Everything else is shown.
     */
    @Override
    public String toString() {
        Map<String, String> maskedEnvironment = new java.util.TreeMap<>();
        environment.keySet().forEach(key -> maskedEnvironment.put(key, "****"));
        return "TrainingJobSpec[name=" + name + ", image=" + image + ", containerEntrypoint=" + containerEntrypoint
                + ", containerArguments=" + containerArguments + ", inputMode=" + inputMode + ", channels=" + channels
                + ", hyperparameters=" + hyperparameters.values() + ", resources=" + resources
                + ", stoppingCondition=" + stoppingCondition + ", useSpotInstances=" + useSpotInstances
                + ", checkpoint=" + checkpoint + ", metricDefinitions=" + metricDefinitions
                + ", environment=" + maskedEnvironment + ", tags=" + tags + ", vpc=" + vpc
                + ", networkIsolation=" + networkIsolation + ", interContainerEncryption=" + interContainerEncryption
                + ", retryStrategy=" + retryStrategy + ", outputPath=" + outputPath + ", outputKmsKeyId=" + outputKmsKeyId
                + ", roleArn=" + roleArn + "]";
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private static void validate(Violations v, JobName name, ImageReference image, List<String> entrypoint,
                                 List<String> arguments, List<Channel> channels, StoppingCondition stopping,
                                 boolean spot, List<MetricDefinition> metrics, Map<String, String> environment,
                                 Map<String, String> tags, StorageUri outputPath, String outputKmsKeyId, String roleArn) {
        v.check(name != null, "jobName", null, "must be set, or generated from a base name");
        v.check(image != null, "image", null, "must name the training image, such as drydock/trainer:latest");
        v.check(outputPath != null, "outputPath", null, "must be a storage URI for the model, such as s3://bucket/models/ or file:///tmp/models/");
        v.check(entrypoint.size() <= 100, "containerEntrypoint", entrypoint.size() + " items", "must have at most 100 items");
        v.check(arguments.size() <= 100, "containerArguments", arguments.size() + " items", "must have at most 100 items");
        v.check(channels.size() <= MAX_CHANNELS, "channels", channels.size() + " channels", "must have at most " + MAX_CHANNELS + " channels");
        Set<String> channelNames = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            String n = channels.get(i).name();
            v.check(channelNames.add(n), "channels[" + i + "].name", n, "must be unique: another channel has this name");
        }
        v.check(!spot || stopping.maxWaitTime() != null, "stoppingCondition.maxWaitTime", null,
                "must be set when useSpotInstances is true (at least maxRuntime " + stopping.maxRuntime() + ")");
        v.check(spot || stopping.maxWaitTime() == null, "stoppingCondition.maxWaitTime", stopping.maxWaitTime(),
                "may only be set when useSpotInstances is true");
        v.check(metrics.size() <= MetricDefinition.MAX_COUNT, "metricDefinitions", metrics.size() + " definitions",
                "must have at most " + MetricDefinition.MAX_COUNT + " definitions");
        Set<String> metricNames = new HashSet<>();
        for (int i = 0; i < metrics.size(); i++) {
            String n = metrics.get(i).name();
            v.check(metricNames.add(n), "metricDefinitions[" + i + "].name", n, "must be unique: another metric has this name");
        }
        v.check(environment.size() <= MAX_ENVIRONMENT, "environment", environment.size() + " entries", "must have at most " + MAX_ENVIRONMENT + " entries");
        environment.forEach((key, value) -> {
            v.check(key != null && ENV_KEY.matcher(key).matches() && key.length() <= 512, "environment", key,
                    "names must match [a-zA-Z_][a-zA-Z0-9_]* and be at most 512 characters");
            v.check(value != null && value.length() <= 512, "environment." + key, value == null ? null : value.length() + " characters",
                    "must be a value of at most 512 characters");
        });
        v.check(tags.size() <= MAX_TAGS, "tags", tags.size() + " tags", "must have at most " + MAX_TAGS + " tags");
        tags.forEach((key, value) -> {
            v.check(key != null && !key.isEmpty() && key.length() <= 128 && !key.startsWith("aws:"), "tags", key,
                    "keys must be 1 to 128 characters and must not start with aws:");
            v.check(value != null && value.length() <= 256, "tags." + key, value, "must be a value of at most 256 characters");
        });
        v.check(outputKmsKeyId == null || !outputKmsKeyId.isBlank(), "outputKmsKeyId", outputKmsKeyId, "must not be blank when set");
        v.check(roleArn == null || (ROLE_ARN.matcher(roleArn).matches() && roleArn.length() <= 2048), "roleArn", roleArn,
                "must be an IAM role ARN such as arn:aws:iam::123456789012:role/SageMakerExecution");
    }

    /** Builds a {@link TrainingJobSpec}; collects every problem of every part and throws once in {@link #build()}. */
    public static final class Builder {
        private JobName name;
        private String nameText;
        private String baseName;
        private ImageReference image;
        private String imageText;
        private List<String> containerEntrypoint = new ArrayList<>();
        private List<String> containerArguments = new ArrayList<>();
        private InputMode inputMode;
        private final List<Channel.Builder> channels = new ArrayList<>();
        private final Map<String, String> hyperparameters = new LinkedHashMap<>();
        private Resources resources;
        private StoppingCondition stoppingCondition;
        private boolean useSpotInstances;
        private CheckpointConfig checkpoint;
        private final List<MetricDefinition> metricDefinitions = new ArrayList<>();
        /** Metric definitions given as text, validated in {@link #build()} so that all faults are reported together. */
        private final List<String[]> pendingMetrics = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private VpcConfig vpc;
        private boolean networkIsolation;
        private boolean interContainerEncryption;
        private RetryStrategy retryStrategy;
        private StorageUri outputPath;
        private String outputPathText;
        private String outputKmsKeyId;
        private String roleArn;

        private Builder() {
        }

        /** The job's name, validated in {@link #build()}. */
        public Builder name(String jobName) {
            this.nameText = jobName;
            this.name = null;
            return this;
        }

        /** The job's name. */
        public Builder name(JobName jobName) {
            this.name = jobName;
            this.nameText = null;
            return this;
        }

        /** Without an explicit name, {@link #build()} generates one from this base and a timestamp. */
        public Builder baseName(String base) {
            this.baseName = base;
            return this;
        }

        /** Whether a name or base name has been given. */
        public boolean hasName() {
            return name != null || nameText != null;
        }

        /** Whether an image has been given. */
        public boolean hasImage() {
            return image != null || imageText != null;
        }

        /** The names of the channels added so far. */
        public java.util.Set<String> channelNames() {
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            channels.forEach(c -> names.add(c.name()));
            return names;
        }

        /** An independent builder with the same settings: what a value that holds a spec template hands out. */
        public Builder copy() {
            Builder b = new Builder();
            b.name = name;
            b.nameText = nameText;
            b.baseName = baseName;
            b.image = image;
            b.imageText = imageText;
            b.containerEntrypoint = new ArrayList<>(containerEntrypoint);
            b.containerArguments = new ArrayList<>(containerArguments);
            b.inputMode = inputMode;
            channels.forEach(c -> b.channels.add(c.copy()));
            b.hyperparameters.putAll(hyperparameters);
            b.resources = resources;
            b.stoppingCondition = stoppingCondition;
            b.useSpotInstances = useSpotInstances;
            b.checkpoint = checkpoint;
            b.metricDefinitions.addAll(metricDefinitions);
            pendingMetrics.forEach(m -> b.pendingMetrics.add(m.clone()));
            b.environment.putAll(environment);
            b.tags.putAll(tags);
            b.vpc = vpc;
            b.networkIsolation = networkIsolation;
            b.interContainerEncryption = interContainerEncryption;
            b.retryStrategy = retryStrategy;
            b.outputPath = outputPath;
            b.outputPathText = outputPathText;
            b.outputKmsKeyId = outputKmsKeyId;
            b.roleArn = roleArn;
            return b;
        }

        /** The training image, parsed in {@link #build()}. */
        public Builder image(String reference) {
            this.imageText = reference;
            this.image = null;
            return this;
        }

        /** The training image. */
        public Builder image(ImageReference reference) {
            this.image = reference;
            this.imageText = null;
            return this;
        }

        /** Replaces the image's entrypoint. */
        public Builder containerEntrypoint(List<String> entrypoint) {
            this.containerEntrypoint = new ArrayList<>(entrypoint);
            return this;
        }

        /** Replaces the image's arguments. */
        public Builder containerArguments(List<String> arguments) {
            this.containerArguments = new ArrayList<>(arguments);
            return this;
        }

        /** The channels' default input mode (File unless set). */
        public Builder inputMode(InputMode mode) {
            this.inputMode = mode;
            return this;
        }

        /** Adds a channel with default settings. */
        public Builder channel(String channelName, String sourceUri) {
            channels.add(Channel.builder(channelName).source(sourceUri));
            return this;
        }

        /** Adds a channel with default settings. */
        public Builder channel(String channelName, StorageUri source) {
            channels.add(Channel.builder(channelName).source(source));
            return this;
        }

        /** Adds a fully configured channel. */
        public Builder channel(Channel.Builder channel) {
            channels.add(channel);
            return this;
        }

        /** Adds a channel. */
        public Builder channel(Channel channel) {
            channels.add(Channel.builder(channel.name()).source(channel.source()).contentType(channel.contentType())
                    .inputMode(channel.inputMode()).distribution(channel.distribution())
                    .compression(channel.compression()).recordWrapper(channel.recordWrapper()));
            return this;
        }

        /** The channel builders added so far (the workflow fills in sources of local inputs). */
        public List<Channel.Builder> channelBuilders() {
            return channels;
        }

        /** Sets a hyperparameter, encoded with {@link dev.drydock.contract.Hyperparameters#encode}. */
        public Builder hyperparameter(String key, Object value) {
            hyperparameters.put(key, dev.drydock.contract.Hyperparameters.encode(value));
            return this;
        }

        /** Sets every hyperparameter of {@code values}. */
        public Builder hyperparameters(Hyperparameters values) {
            hyperparameters.putAll(values.values());
            return this;
        }

        /** Instance type, count and volume. */
        public Builder resources(Resources value) {
            this.resources = value;
            return this;
        }

        /** Max runtime (and max wait for spot). */
        public Builder stoppingCondition(StoppingCondition value) {
            this.stoppingCondition = value;
            return this;
        }

        /** Max runtime only. */
        public Builder maxRuntime(java.time.Duration maxRuntime) {
            this.stoppingCondition = new StoppingCondition(maxRuntime,
                    stoppingCondition == null ? null : stoppingCondition.maxWaitTime());
            return this;
        }

        /** Managed spot capacity; requires a max wait time. */
        public Builder useSpotInstances(boolean value) {
            this.useSpotInstances = value;
            return this;
        }

        /** Checkpoint syncing. */
        public Builder checkpoint(CheckpointConfig value) {
            this.checkpoint = value;
            return this;
        }

        /** Adds a metric read from the logs. */
        public Builder metric(String metricName, String regex) {
            this.pendingMetrics.add(new String[] {metricName, regex});
            return this;
        }

        /** Adds a metric read from the logs. */
        public Builder metric(MetricDefinition definition) {
            this.metricDefinitions.add(definition);
            return this;
        }

        /** Sets an environment variable of the container. */
        public Builder environment(String key, String value) {
            this.environment.put(key, value);
            return this;
        }

        /** Sets environment variables of the container. */
        public Builder environment(Map<String, String> values) {
            this.environment.putAll(values);
            return this;
        }

        /** Sets a tag on the job. */
        public Builder tag(String key, String value) {
            this.tags.put(key, value);
            return this;
        }

        /** The hosts' VPC. */
        public Builder vpc(VpcConfig value) {
            this.vpc = value;
            return this;
        }

        /** No network access for the container. */
        public Builder networkIsolation(boolean value) {
            this.networkIsolation = value;
            return this;
        }

        /** Encrypted traffic between hosts. */
        public Builder interContainerEncryption(boolean value) {
            this.interContainerEncryption = value;
            return this;
        }

        /** Platform retries. */
        public Builder retryStrategy(RetryStrategy value) {
            this.retryStrategy = value;
            return this;
        }

        /** Where the model goes, parsed in {@link #build()}. */
        public Builder outputPath(String uri) {
            this.outputPathText = uri;
            this.outputPath = null;
            return this;
        }

        /** Where the model goes. */
        public Builder outputPath(StorageUri uri) {
            this.outputPath = uri;
            this.outputPathText = null;
            return this;
        }

        /** Whether an output path has been given. */
        public boolean hasOutputPath() {
            return outputPath != null || outputPathText != null;
        }

        /** KMS key for the output. */
        public Builder outputKmsKeyId(String value) {
            this.outputKmsKeyId = value;
            return this;
        }

        /** The IAM role SageMaker assumes. */
        public Builder roleArn(String value) {
            this.roleArn = value;
            return this;
        }

        /** Whether a role ARN has been given. */
        public boolean hasRoleArn() {
            return roleArn != null;
        }

        /** The validated spec; every problem of every part is reported together. */
        public TrainingJobSpec build() {
            Violations v = new Violations();
            JobName jobName = name;
            if (nameText != null) {
                jobName = v.collect("", () -> JobName.of(nameText));
            } else if (jobName == null && baseName != null) {
                jobName = JobName.generate(baseName);
            }
            ImageReference img = imageText == null ? image : v.collect("", () -> ImageReference.parse(imageText));
            if (jobName == null && nameText == null && (img != null || imageText != null)) {
                // generate() cleans any text, so a name comes even from an image that failed to parse: the spec then
                // reports the image's real fault, not a missing name.
                jobName = JobName.generate(img != null ? img.repository() : imageText);
            }
            StorageUri output = outputPathText == null ? outputPath : v.collect("outputPath", () -> StorageUri.parse(outputPathText));
            List<Channel> built = new ArrayList<>();
            for (int i = 0; i < channels.size(); i++) {
                Channel.Builder c = channels.get(i);
                Channel channel = v.collect("channels[" + i + "]", c::build);
                if (channel != null) {
                    built.add(channel);
                }
            }
            Hyperparameters hp = v.collect("", () -> new Hyperparameters(hyperparameters));
            List<MetricDefinition> metrics = new ArrayList<>(metricDefinitions);
            for (String[] pending : pendingMetrics) {
                int index = metrics.size();
                MetricDefinition definition = v.collect("metricDefinitions[" + index + "]", () -> new MetricDefinition(pending[0], pending[1]));
                if (definition != null) {
                    metrics.add(definition);
                }
            }
            JobName finalName = jobName;
            StorageUri finalOutput = output;
            // Validate the spec's own rules too, even when parts failed, so that every problem shows at once.
            TrainingJobSpec spec = v.collect("", () -> new TrainingJobSpec(finalName, img, containerEntrypoint, containerArguments,
                    inputMode, built, hp, resources, stoppingCondition, useSpotInstances, checkpoint, metrics,
                    environment, tags, vpc, networkIsolation, interContainerEncryption, retryStrategy, finalOutput,
                    outputKmsKeyId, roleArn));
            v.throwIfAny();
            return spec;
        }
    }
}
