package dev.drydock.contractkit;

import dev.drydock.contract.MetricLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The training program the kit checks and what it claims: how to start it (a Docker image, or a command run as a
 * child process), its channels' data, the hyperparameters of a quick good run, of a bad run and of a run long
 * enough to be stopped, its metric definitions, and whether it honours {@code ShardedByS3Key} and several hosts.
 */
public final class TrainerUnderTest {
    /** How the program is started. */
    public enum Kind {
        /** A Docker image, run by the Docker backend as {@code IMAGE train}. */
        IMAGE,
        /** A command, run by the process backend with the argument {@code train}. */
        COMMAND
    }

    private final Kind kind;
    private final String image;
    private final List<String> command;
    private final Map<String, Path> channels;
    private final Map<String, String> hyperparameters;
    private final Map<String, String> badHyperparameters;
    private final Map<String, String> longHyperparameters;
    private final Map<String, String> metrics;
    private final String shardedChannel;
    private final int hosts;
    private final Duration grace;
    private final Duration timeout;
    private final String workingLine;
    private final List<String> entrypoint;

    private TrainerUnderTest(Builder b) {
        this.kind = b.kind;
        this.image = b.image;
        this.command = b.command;
        this.channels = Map.copyOf(b.channels);
        this.hyperparameters = Map.copyOf(b.hyperparameters);
        this.badHyperparameters = Map.copyOf(b.badHyperparameters);
        this.longHyperparameters = Map.copyOf(b.longHyperparameters);
        this.metrics = Map.copyOf(b.metrics);
        this.shardedChannel = b.shardedChannel;
        this.hosts = b.hosts;
        this.grace = b.grace;
        this.timeout = b.timeout;
        this.workingLine = b.workingLine;
        this.entrypoint = b.kind == Kind.COMMAND ? b.command : b.entrypoint;
    }

    /**
     * @param image a local Docker image, e.g. {@code my-trainer:latest}
     * @return a builder for that image
     */
    public static Builder image(String image) {
        return new Builder(Kind.IMAGE, Objects.requireNonNull(image, "image"), List.of());
    }

    /**
     * @param command the program, e.g. {@code java -jar my-trainer.jar}; the kit appends {@code train}
     * @return a builder for that command
     */
    public static Builder command(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must name a program, e.g. [java, -jar, my-trainer.jar]");
        }
        return new Builder(Kind.COMMAND, null, List.copyOf(command));
    }

    /** @return how the program is started */
    public Kind kind() {
        return kind;
    }

    /** @return the image, for {@link Kind#IMAGE} */
    public Optional<String> imageName() {
        return Optional.ofNullable(image);
    }

    /** @return the command, for {@link Kind#COMMAND}; empty for an image */
    public List<String> commandLine() {
        return command;
    }

    /** @return channel name to the folder whose files the channel holds */
    public Map<String, Path> channels() {
        return channels;
    }

    /** @return the hyperparameters of a quick run that succeeds */
    public Map<String, String> hyperparameters() {
        return hyperparameters;
    }

    /** @return hyperparameters the program must refuse */
    public Map<String, String> badHyperparameters() {
        return badHyperparameters;
    }

    /** @return the hyperparameters of a run that works long enough to be stopped */
    public Map<String, String> longHyperparameters() {
        return longHyperparameters;
    }

    /** @return metric name to its definition regex */
    public Map<String, String> metrics() {
        return metrics;
    }

    /** @return the channel the program claims to shard by key over several hosts, if it claims to */
    public Optional<String> shardedChannel() {
        return Optional.ofNullable(shardedChannel);
    }

    /** @return how many hosts the program claims to run on together (1: no claim) */
    public int hosts() {
        return hosts;
    }

    /** @return the time between SIGTERM and SIGKILL the kit gives the program */
    public Duration grace() {
        return grace;
    }

    /** @return how long one run may take */
    public Duration timeout() {
        return timeout;
    }

    /** @return the text of a log line that says the long run is working (stop is sent after it) */
    public String workingLine() {
        return workingLine;
    }

    /** @return the program inside the image (its entrypoint), or the command; empty when an image's is not given */
    public List<String> entrypoint() {
        return entrypoint;
    }

    /** Builds a {@link TrainerUnderTest}. */
    public static final class Builder {
        private final Kind kind;
        private final String image;
        private final List<String> command;
        private final Map<String, Path> channels = new LinkedHashMap<>();
        private final Map<String, String> hyperparameters = new LinkedHashMap<>();
        private final Map<String, String> badHyperparameters = new LinkedHashMap<>();
        private final Map<String, String> longHyperparameters = new LinkedHashMap<>();
        private final Map<String, String> metrics = new LinkedHashMap<>();
        private String shardedChannel;
        private int hosts = 1;
        private Duration grace = Duration.ofSeconds(30);
        private Duration timeout = Duration.ofMinutes(5);
        private String workingLine = "";
        private List<String> entrypoint = List.of();

        private Builder(Kind kind, String image, List<String> command) {
            this.kind = kind;
            this.image = image;
            this.command = command;
        }

        /**
         * @param name a channel name, e.g. {@code training}
         * @param folder a folder of the channel's files
         * @return this builder
         */
        public Builder channel(String name, Path folder) {
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("channel " + name + ": " + folder + " must be a folder of files");
            }
            channels.put(name, folder.toAbsolutePath());
            return this;
        }

        /**
         * @param values hyperparameters of a quick run that succeeds
         * @return this builder
         */
        public Builder hyperparameters(Map<String, String> values) {
            hyperparameters.putAll(values);
            return this;
        }

        /**
         * @param values hyperparameters the program must refuse, e.g. a misspelt name or a malformed number
         * @return this builder
         */
        public Builder badHyperparameters(Map<String, String> values) {
            badHyperparameters.putAll(values);
            return this;
        }

        /**
         * @param values hyperparameters of a run that works for longer than the kit needs to stop it
         * @param working text of the log line that shows the run is working (empty: the first line)
         * @return this builder
         */
        public Builder longRun(Map<String, String> values, String working) {
            longHyperparameters.putAll(values);
            workingLine = Objects.requireNonNull(working, "working");
            return this;
        }

        /**
         * @param name a metric name
         * @param regex its definition regex, group 1 the value (see {@link MetricLine#regexFor})
         * @return this builder
         */
        public Builder metric(String name, String regex) {
            metrics.put(name, regex);
            return this;
        }

        /**
         * Claims that the program trains on several hosts with {@code channel} distributed {@code ShardedByS3Key}.
         *
         * @param channel one of the channels, holding at least as many files as hosts
         * @return this builder
         */
        public Builder shardsByKey(String channel) {
            shardedChannel = channel;
            return this;
        }

        /**
         * @param count how many hosts the program claims to run on together
         * @return this builder
         */
        public Builder hosts(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("hosts " + count + " must be at least 1");
            }
            hosts = count;
            return this;
        }

        /**
         * @param value time between SIGTERM and SIGKILL (SageMaker: 120 s)
         * @return this builder
         */
        public Builder grace(Duration value) {
            grace = value;
            return this;
        }

        /**
         * @param value how long one run may take
         * @return this builder
         */
        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        /**
         * The image's entrypoint, so that the kit can run the program behind a wrapper that damages one config file
         * (the check that the program reads every file); without it that check is skipped for an image.
         *
         * @param value the entrypoint, e.g. {@code [java, -jar, /opt/trainer.jar]}
         * @return this builder
         */
        public Builder entrypoint(List<String> value) {
            entrypoint = List.copyOf(value);
            return this;
        }

        /** @return the program and its claims */
        public TrainerUnderTest build() {
            if (channels.isEmpty()) {
                throw new IllegalArgumentException("give the program at least one channel: channel(\"training\", folder)");
            }
            if (shardedChannel != null && !channels.containsKey(shardedChannel)) {
                throw new IllegalArgumentException("shardsByKey(\"" + shardedChannel + "\") names no channel of "
                        + channels.keySet());
            }
            return new TrainerUnderTest(this);
        }
    }
}
