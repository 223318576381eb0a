package dev.drydock.contractkit;

import dev.drydock.archive.TarGz;
import dev.drydock.contract.OptMl;
import dev.drydock.contract.ProgressLine;
import dev.drydock.core.model.Channel;
import dev.drydock.core.model.DataDistribution;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.model.Resources;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.local.docker.DockerTrainingBackend;
import dev.drydock.local.job.LocalTrainingBackend;
import dev.drydock.local.job.StorageModelPublisher;
import dev.drydock.local.process.ChildProcessTrainingBackend;
import dev.drydock.local.storage.FileSystemStorage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checks of the container contract, each a method that throws {@link ContractViolation} saying what to change.
 * Each run goes through drydock's local backend (the process backend for a command, the Docker backend for an
 * image), which plays SageMaker: it writes the config files, stages the channels, starts {@code PROGRAM train},
 * reads the failure file, sends SIGTERM then SIGKILL after the grace period, and packs {@code /opt/ml/model}.
 * {@link ContainerContractKit} runs them as JUnit tests.
 */
public final class ContractChecks {
    /** The config files, each damaged in turn to see that the program reads it. */
    public static final List<String> CONFIG_FILES = OptMl.CONFIG_FILES;
    /** The container's layout, whose paths the messages name. */
    private static final OptMl IN_CONTAINER = OptMl.CONTAINER;
    private static final String MODEL_DIR = IN_CONTAINER.modelDir().toString();
    private static final String NO_FAILURE_FILE = "wrote no " + IN_CONTAINER.failureFile() + " file";

    private final TrainerUnderTest trainer;
    private final Path work;
    private final FileSystemStorage storage = FileSystemStorage.create();
    private final LocalTrainingBackend backend;
    private Run goodRun;

    /**
     * @param trainer the program and its claims
     * @param work an empty folder for the jobs, their data and models
     */
    public ContractChecks(TrainerUnderTest trainer, Path work) {
        this.trainer = trainer;
        this.work = work;
        StorageModelPublisher publisher = new StorageModelPublisher(storage);
        this.backend = switch (trainer.kind()) {
            case COMMAND -> ChildProcessTrainingBackend.builder().jobRoot(work.resolve("jobs")).storage(storage)
                    .modelPublisher(publisher).command(trainer.commandLine()).gracePeriod(trainer.grace()).build();
            case IMAGE -> DockerTrainingBackend.builder().jobRoot(work.resolve("jobs")).storage(storage)
                    .modelPublisher(publisher).gracePeriod(trainer.grace()).build();
        };
    }

    /** Started as {@code PROGRAM train} with good hyperparameters, the program exits 0. */
    public void completesWhenStartedAsTrain() {
        Run run = goodRun();
        if (run.end().state() != JobState.COMPLETED) {
            throw new ContractViolation("exit code", "started as `" + startedAs() + "` with hyperparameters "
                    + trainer.hyperparameters() + ", the job ended " + run.end().state() + ": "
                    + run.end().failureReasonIfAny().orElse("(no reason)") + ". SageMaker starts the container with"
                    + " the single argument `train` and takes exit code 0 as Completed: accept `train` and exit 0"
                    + " after training" + logTail(run));
        }
    }

    /** A completed run leaves files in {@code /opt/ml/model}. */
    public void writesTheModel() {
        Run run = goodRun();
        completesWhenStartedAsTrain();
        if (run.modelFiles().isEmpty()) {
            throw new ContractViolation("model", "the job completed but " + MODEL_DIR + " was empty, so model.tar.gz"
                    + " holds nothing. Write the model into " + MODEL_DIR + " (TrainingEnvironment.modelDir()): SageMaker packs"
                    + " exactly that folder");
        }
    }

    /** On bad input the program exits non-zero and writes the reason into the failure file. */
    public void failsOnBadInputWithAFailureFile() {
        Map<String, String> bad = new HashMap<>(trainer.hyperparameters());
        bad.putAll(trainer.badHyperparameters());
        Run run = run("bad", bad, 1, null, false, false);
        if (run.end().state() == JobState.COMPLETED) {
            throw new ContractViolation("bad input", "with the bad hyperparameters " + trainer.badHyperparameters()
                    + " the program exited 0. Check the hyperparameters before training and exit non-zero when one"
                    + " is wrong, so that the job fails instead of training a wrong model");
        }
        String reason = run.end().failureReasonIfAny().orElse("");
        if (reason.contains(NO_FAILURE_FILE)) {
            throw new ContractViolation("failure file", "with bad hyperparameters the program exited non-zero but "
                    + NO_FAILURE_FILE + ", so SageMaker's FailureReason would only name the exit code. Write one"
                    + " line that says what is wrong and how to fix it into " + IN_CONTAINER.failureFile()
                    + " (FailureFile.write) before exiting");
        }
    }

    /**
     * The program reads {@code file}: with it damaged (not JSON), the program must fail.
     *
     * @param file one of {@link #CONFIG_FILES}
     * @return whether the check ran (an image without a known entrypoint cannot be wrapped)
     */
    public boolean readsConfigFile(String file) {
        if (trainer.entrypoint().isEmpty()) {
            return false;
        }
        Run run = run("cfg", trainer.hyperparameters(), 1, file, false, false);
        if (run.end().state() == JobState.COMPLETED) {
            throw new ContractViolation("config files", "the program completed although " + IN_CONTAINER.configDir().resolve(file)
                    + " was not JSON, so it never reads that file. Read it (" + reader(file) + "): SageMaker passes"
                    + " the job's " + purpose(file) + " only there");
        }
        return true;
    }

    /** On SIGTERM the program saves into {@code /opt/ml/model} and exits within the grace period. */
    public void savesAndExitsOnSigterm() {
        Run run = run("stop", trainer.longHyperparameters(), 1, null, false, true);
        if (run.stopToEnd().compareTo(trainer.grace()) >= 0 || run.log().stream().anyMatch(l -> l.contains("SIGKILL"))) {
            throw new ContractViolation("SIGTERM", "the program was still running " + trainer.grace().toSeconds()
                    + " s after SIGTERM and was killed. Handle SIGTERM (a shutdown hook; ContainerRunner does it):"
                    + " stop the work, save what exists into " + MODEL_DIR + " and exit within the grace period"
                    + " (SageMaker sends SIGKILL 120 s after SIGTERM)");
        }
        if (run.modelFiles().isEmpty()) {
            throw new ContractViolation("SIGTERM", "the program exited after SIGTERM but saved nothing into "
                    + MODEL_DIR + ". On SIGTERM save the best model so far: a stopped job keeps its model.tar.gz");
        }
    }

    /** When claimed: with the sharded channel {@code ShardedByS3Key} on several hosts, the job completes. */
    public boolean honoursShardedByS3Key() {
        Optional<String> channel = trainer.shardedChannel();
        if (channel.isEmpty()) {
            return false;
        }
        int hosts = Math.max(2, trainer.hosts());
        Run run = run("shard", trainer.hyperparameters(), hosts, null, true, false);
        if (run.end().state() != JobState.COMPLETED) {
            throw new ContractViolation("ShardedByS3Key", "with channel " + channel.get() + " ShardedByS3Key on "
                    + hosts + " hosts (each host gets only its share of the files) the job ended " + run.end().state()
                    + ": " + run.end().failureReasonIfAny().orElse("") + ". Train on the files present in"
                    + " " + IN_CONTAINER.channelDir(channel.get()) + " on each host, not on a list of every file"
                    + logTail(run));
        }
        return true;
    }

    /** When claimed: on several hosts the job completes. */
    public boolean runsOnSeveralHosts() {
        if (trainer.hosts() < 2) {
            return false;
        }
        Run run = run("hosts", trainer.hyperparameters(), trainer.hosts(), null, false, false);
        if (run.end().state() != JobState.COMPLETED) {
            throw new ContractViolation("hosts", "on " + trainer.hosts() + " hosts the job ended " + run.end().state()
                    + ": " + run.end().failureReasonIfAny().orElse("") + ". Read " + OptMl.RESOURCE_CONFIG_FILE
                    + " (ResourceConfig: current_host, hosts, leader) and let only the leader write shared outputs"
                    + logTail(run));
        }
        return true;
    }

    /**
     * Each metric regex matches the program's log lines once per value: at least one line, and no value twice (a
     * regex that also matches a progress or summary line makes SageMaker chart the same value again).
     */
    public void metricRegexesMatchOncePerValue() {
        Run run = goodRun();
        for (Map.Entry<String, String> metric : trainer.metrics().entrySet()) {
            Pattern regex = Pattern.compile(metric.getValue());
            List<String> matched = new ArrayList<>();
            Map<String, String> byValue = new HashMap<>();
            for (String line : run.log()) {
                Matcher m = regex.matcher(line);
                if (!m.find()) {
                    continue;
                }
                if (m.groupCount() < 1 || m.group(1) == null) {
                    throw new ContractViolation("metrics", "regex " + metric.getValue() + " of " + metric.getKey()
                            + " has no group 1: put the value in parentheses, e.g. ^" + metric.getKey() + "=([0-9.]+)$");
                }
                String earlier = byValue.put(m.group(1), line);
                if (earlier != null || ProgressLine.parse(line).isPresent()) {
                    throw new ContractViolation("metrics", "regex " + metric.getValue() + " of " + metric.getKey()
                            + " takes value " + m.group(1) + " from more than one kind of line: \""
                            + (earlier == null ? line : earlier) + "\" and \"" + line + "\"; SageMaker would chart it"
                            + " again. Anchor it to the metric line, e.g. MetricLine.regexFor(\"" + metric.getKey()
                            + "\") = " + dev.drydock.contract.MetricLine.regexFor(metric.getKey()));
                }
                matched.add(line);
            }
            if (matched.isEmpty()) {
                throw new ContractViolation("metrics", "regex " + metric.getValue() + " of " + metric.getKey()
                        + " matched no log line of a completed run. Print the metric as one line (MetricLine.format("
                        + "\"" + metric.getKey() + "\", value)) or fix the regex" + logTail(run));
            }
        }
    }

    private Run goodRun() {
        if (goodRun == null) {
            goodRun = run("good", trainer.hyperparameters(), 1, null, false, false);
        }
        return goodRun;
    }

    private String startedAs() {
        return trainer.kind() == TrainerUnderTest.Kind.IMAGE ? trainer.imageName().orElseThrow() + " train"
                : String.join(" ", trainer.commandLine()) + " train";
    }

    private Run run(String label, Map<String, String> hyperparameters, int hosts, String damaged, boolean sharded,
            boolean stop) {
        JobName name = JobName.generate("kit-" + label);
        TrainingJobSpec.Builder spec = TrainingJobSpec.builder().name(name)
                .image(trainer.imageName().orElse("drydock/contract-kit:latest"))
                .resources(Resources.of(Resources.DEFAULT_INSTANCE_TYPE, hosts))
                .outputPath(StorageUri.of(work.resolve("out")).resolve(""))
                .maxRuntime(trainer.timeout());
        trainer.channels().forEach((channel, folder) -> {
            Channel.Builder c = Channel.builder(channel).source(StorageUri.of(folder).asPrefix());
            if (sharded && trainer.shardedChannel().map(channel::equals).orElse(false)) {
                c.distribution(DataDistribution.SHARDED_BY_S3_KEY);
            }
            spec.channel(c);
        });
        hyperparameters.forEach(spec::hyperparameter);
        trainer.metrics().forEach(spec::metric);
        if (damaged != null) {
            // A shell damages the file the backend wrote, then runs the program as it would have run.
            List<String> entrypoint = new ArrayList<>(List.of("sh", "-c",
                    "printf 'not json' > \"${" + OptMl.ROOT_ENV + ":-" + OptMl.CONTAINER_ROOT + "}/"
                            + IN_CONTAINER.root().relativize(IN_CONTAINER.configDir()) + "/$0\" && exec \"$@\"", damaged));
            entrypoint.addAll(trainer.entrypoint());
            spec.containerEntrypoint(entrypoint).containerArguments(List.of("train"));
        }
        backend.submit(spec.build());
        Duration stopToEnd = Duration.ZERO;
        if (stop) {
            awaitLine(name, trainer.workingLine());
            long sent = System.nanoTime();
            backend.stop(name);
            awaitEnd(name);
            stopToEnd = Duration.ofNanos(System.nanoTime() - sent);
        }
        JobDescription end = awaitEnd(name);
        return new Run(end, logs(name), modelFiles(end), stopToEnd);
    }

    private JobDescription awaitEnd(JobName name) {
        long deadline = System.nanoTime() + trainer.timeout().plus(trainer.grace()).toNanos();
        while (true) {
            JobDescription d = backend.describe(name);
            if (d.state().isTerminal()) {
                return d;
            }
            if (System.nanoTime() > deadline) {
                backend.stop(name);
                throw new ContractViolation("time", "job " + name.value() + " did not end within "
                        + trainer.timeout() + "; give quicker hyperparameters or a longer timeout(...)");
            }
            sleep();
        }
    }

    private void awaitLine(JobName name, String text) {
        long deadline = System.nanoTime() + trainer.timeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (logs(name).stream().anyMatch(l -> l.contains(text))) {
                return;
            }
            if (backend.describe(name).state().isTerminal()) {
                throw new ContractViolation("SIGTERM", "the long run ended " + backend.describe(name).state()
                        + " before printing \"" + text + "\", so it could not be stopped while working: give"
                        + " longRun(...) hyperparameters that train for longer");
            }
            sleep();
        }
        throw new ContractViolation("SIGTERM", "the long run printed no line with \"" + text + "\" within "
                + trainer.timeout());
    }

    private List<String> logs(JobName name) {
        List<String> out = new ArrayList<>();
        LogCursor cursor = LogCursor.START;
        while (true) {
            LogPage page = backend.readLogs(name, cursor);
            page.events().stream().map(LogEvent::message).forEach(out::add);
            if (page.events().isEmpty() || page.next().equals(cursor)) {
                return out;
            }
            cursor = page.next();
        }
    }

    private List<Path> modelFiles(JobDescription end) {
        Optional<StorageUri> artifact = end.modelArtifactIfAny();
        if (artifact.isEmpty() || !Files.isRegularFile(storage.pathOf(artifact.get()))) {
            return List.of();
        }
        Path folder = work.resolve("models/" + end.name().value());
        TarGz.create().extract(storage.pathOf(artifact.get()), folder);
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String logTail(Run run) {
        List<String> log = run.log();
        return log.isEmpty() ? "" : "; its last log lines: " + String.join(" | ", log.subList(Math.max(0,
                log.size() - 5), log.size()));
    }

    private static String reader(String file) {
        return switch (file) {
            case OptMl.HYPERPARAMETERS_FILE -> "Hyperparameters.read";
            case OptMl.INPUT_DATA_CONFIG_FILE -> "InputDataConfig.read";
            default -> "ResourceConfig.read";
        };
    }

    private static String purpose(String file) {
        return switch (file) {
            case OptMl.HYPERPARAMETERS_FILE -> "hyperparameters";
            case OptMl.INPUT_DATA_CONFIG_FILE -> "channels (content type, input mode, distribution, compression)";
            default -> "hosts (current_host, hosts: who is the leader)";
        };
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the job", e);
        }
    }

    /** One run: how it ended, its log lines, the files of its model, and the time from stop to end. */
    private record Run(JobDescription end, List<String> log, List<Path> modelFiles, Duration stopToEnd) {
    }
}
