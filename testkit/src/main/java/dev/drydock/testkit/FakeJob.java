package dev.drydock.testkit;

import dev.drydock.archive.TarGz;
import dev.drydock.contract.OptMl;
import dev.drydock.contract.ResourceConfig;
import dev.drydock.core.spi.ArchiveErrors;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.model.Channel;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.JobSummary;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.model.MetricDefinition;
import dev.drydock.core.model.SecondaryStatus;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.Storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** One job of a {@link FakeTrainingBackend}: its description, its log, and the threads that run it. */
final class FakeJob {
    private static final int PAGE_SIZE = 1000;
    private static final int MAX_REASON = 1024;

    private final TrainingJobSpec spec;
    private final long sequence;
    private final Storage storage;
    private final ContainerProgram program;
    private final TarGz tarGz;
    private final Path workDir;
    private final Duration grace;
    private final JobDescription.Builder description;
    private final List<LogEvent> log = new ArrayList<>();
    private final List<Thread> hosts = new ArrayList<>();
    private SecondaryStatus stopReason;
    private volatile boolean killed;

    FakeJob(TrainingJobSpec spec, long sequence, Storage storage, ContainerProgram program, TarGz tarGz, Path workDir,
            Duration grace) {
        this.spec = spec;
        this.sequence = sequence;
        this.storage = storage;
        this.program = program;
        this.tarGz = tarGz;
        this.workDir = workDir;
        this.grace = grace;
        Instant now = Instant.now();
        this.description = JobDescription.builder(spec.name()).created(now).state(JobState.IN_PROGRESS)
                .arn("arn:aws:sagemaker:local:000000000000:training-job/" + spec.name().value().toLowerCase())
                .transition(SecondaryStatus.STARTING, now, "Preparing the instances for training");
    }

    TrainingJobSpec spec() {
        return spec;
    }

    long sequence() {
        return sequence;
    }

    void start() {
        Thread supervisor = new Thread(this::supervise, "fake-job-" + spec.name());
        supervisor.setDaemon(true);
        supervisor.start();
    }

    synchronized JobDescription describe() {
        return description.build();
    }

    synchronized JobSummary summary() {
        JobDescription d = description.build();
        return new JobSummary(d.name(), d.state(), d.created(), d.trainingEnded());
    }

    synchronized LogPage readLogs(LogCursor cursor) {
        int from;
        try {
            from = cursor.isStart() ? 0 : Integer.parseInt(cursor.token());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("cursor", cursor.token(), "must be a cursor this backend returned");
        }
        int to = Math.min(log.size(), from + PAGE_SIZE);
        if (from >= to) {
            return new LogPage(List.of(), cursor);
        }
        return new LogPage(log.subList(from, to), new LogCursor(String.valueOf(to)));
    }

    void stop() {
        synchronized (this) {
            if (stopReason != null || description.build().state().isTerminal()) {
                return;
            }
            stopReason = SecondaryStatus.STOPPED;
            description.state(JobState.STOPPING).transition(SecondaryStatus.STOPPING, Instant.now(), "Stopping the training job");
        }
        interruptHosts();
    }

    private void supervise() {
        try {
            transition(SecondaryStatus.DOWNLOADING, "Downloading input data");
            List<String> hostNames = spec.resources().hostNames();
            for (String host : hostNames) {
                stage(host);
            }
            int[] exitCodes = new int[hostNames.size()];
            Throwable[] crashes = new Throwable[hostNames.size()];
            synchronized (this) {
                if (stopReason != null) {
                    end(JobState.STOPPED, SecondaryStatus.STOPPED, null, "Training job stopped before it started");
                    return;
                }
                Instant now = Instant.now();
                description.trainingStarted(now).transition(SecondaryStatus.TRAINING, now, "Training image download completed. Training in progress.");
                for (int i = 0; i < hostNames.size(); i++) {
                    hosts.add(startHost(hostNames.get(i), i, exitCodes, crashes));
                }
            }
            awaitHosts();
            finish(hostNames, exitCodes, crashes);
        } catch (Exception | Error e) {
            end(JobState.FAILED, SecondaryStatus.FAILED, "InternalServerError: the fake backend failed: " + e, "Training job failed");
        }
    }

    private void stage(String host) throws Exception {
        Path root = workDir.resolve(host);
        OptMlTree.prepare(root, spec, host);
        for (Channel c : spec.channels()) {
            Path folder = OptMl.at(root).channelDir(c.name());
            storage.get(c.source(), c.source().isPrefix() ? folder : folder.resolve(c.source().fileName()));
        }
    }

    private Thread startHost(String host, int index, int[] exitCodes, Throwable[] crashes) {
        Map<String, String> env = new HashMap<>(spec.environment());
        env.put("TRAINING_JOB_NAME", spec.name().value());
        env.put("TRAINING_JOB_ARN", description.build().arn());
        ContainerContext context = new ContainerContext(workDir.resolve(host), env, line -> log(host, line), () -> killed);
        Thread t = new Thread(() -> {
            try {
                exitCodes[index] = program.run(context);
            } catch (Throwable e) {
                crashes[index] = e;
                log(host, "container crashed: " + e);
            }
        }, "fake-container-" + spec.name() + "-" + host);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void awaitHosts() throws InterruptedException {
        long deadline = System.nanoTime() + spec.stoppingCondition().maxRuntime().toNanos();
        Long killAt = null;
        for (Thread t : List.copyOf(hosts)) {
            while (t.isAlive()) {
                long now = System.nanoTime();
                synchronized (this) {
                    if (stopReason == null && now > deadline) {
                        stopReason = SecondaryStatus.MAX_RUNTIME_EXCEEDED;
                        description.state(JobState.STOPPING).transition(SecondaryStatus.MAX_RUNTIME_EXCEEDED, Instant.now(),
                                "Training job reached its maximum runtime " + spec.stoppingCondition().maxRuntime());
                        interruptHosts();
                    }
                    if (stopReason != null && killAt == null) {
                        killAt = now + grace.toNanos();
                    }
                }
                if (killAt != null && now > killAt) {
                    killed = true; // SIGKILL: the container must end now, and we stop waiting for it shortly
                    t.join(1000);
                    break;
                }
                t.join(20);
            }
        }
    }

    private void finish(List<String> hostNames, int[] exitCodes, Throwable[] crashes) {
        SecondaryStatus stoppedAs;
        synchronized (this) {
            description.trainingEnded(Instant.now());
            stoppedAs = stopReason;
        }
        if (stoppedAs != null) {
            // As SageMaker does, a stopped job keeps what its container saved in /opt/ml/model before it ended.
            boolean saved = hasFiles(workDir.resolve("algo-1/model"));
            if (saved) {
                try {
                    publish();
                } catch (Exception e) {
                    log("algo-1", "storing the model of the stopped job at " + spec.modelArtifactUri() + " failed: " + e);
                    saved = false;
                }
            }
            synchronized (this) {
                if (saved) {
                    description.modelArtifact(spec.modelArtifactUri());
                }
                end(JobState.STOPPED, stoppedAs == SecondaryStatus.MAX_RUNTIME_EXCEEDED ? SecondaryStatus.MAX_RUNTIME_EXCEEDED
                        : SecondaryStatus.STOPPED, null, "Training job stopped");
            }
            return;
        }
        for (int i = 0; i < hostNames.size(); i++) {
            String reason = failureReason(hostNames.get(i), exitCodes[i], crashes[i]);
            if (reason != null) {
                end(JobState.FAILED, SecondaryStatus.FAILED, reason, "Training job failed");
                return;
            }
        }
        transition(SecondaryStatus.UPLOADING, "Uploading generated training model");
        try {
            publish();
        } catch (Exception e) {
            end(JobState.FAILED, SecondaryStatus.FAILED, "ClientError: storing the model at " + spec.modelArtifactUri()
                    + " failed: " + e.getMessage(), "Training job failed");
            return;
        }
        synchronized (this) {
            description.modelArtifact(spec.modelArtifactUri());
            end(JobState.COMPLETED, SecondaryStatus.COMPLETED, null, "Training job completed");
        }
    }

    /** Packs algo-1's {@code /opt/ml/model} (and a non-empty {@code /opt/ml/output/data}) into the storage. */
    private void publish() throws Exception {
        OptMl leader = OptMl.at(workDir.resolve(ResourceConfig.FIRST_HOST));
        Path model = ArchiveErrors.translate(() -> tarGz.pack(leader.modelDir(), workDir.resolve("model.tar.gz")));
        Path outputData = leader.outputDataDir();
        if (hasFiles(outputData)) {
            storage.put(ArchiveErrors.translate(() -> tarGz.pack(outputData, workDir.resolve("output.tar.gz"))),
                    spec.outputArtifactUri());
        }
        storage.put(model, spec.modelArtifactUri());
    }

    private static boolean hasFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var entries = Files.list(folder)) {
            return entries.findAny().isPresent();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String failureReason(String host, int exitCode, Throwable crash) {
        Path failure = OptMl.at(workDir.resolve(host)).failureFile();
        if (crash == null && exitCode == 0) {
            return null;
        }
        try {
            if (Files.isRegularFile(failure)) {
                String text = Files.readString(failure, StandardCharsets.UTF_8);
                return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) : text;
            }
        } catch (Exception e) {
            // fall through to the exit code
        }
        if (crash != null) {
            return "AlgorithmError: the container on " + host + " crashed: " + crash;
        }
        return "AlgorithmError: the container on " + host + " exited with code " + exitCode
                + " and wrote no " + OptMl.CONTAINER.failureFile();
    }

    private void log(String host, String line) {
        synchronized (this) {
            log.add(new LogEvent(Instant.now(), host, line));
            for (MetricDefinition m : spec.metricDefinitions()) {
                OptionalDouble value = m.extract(line);
                if (value.isPresent()) {
                    description.metric(m.name(), value.getAsDouble());
                }
            }
        }
    }

    private synchronized void transition(SecondaryStatus status, String message) {
        description.transition(status, Instant.now(), message);
    }

    private synchronized void end(JobState state, SecondaryStatus status, String failureReason, String message) {
        Instant now = Instant.now();
        if (description.build().trainingStarted() != null && description.build().trainingEnded() == null) {
            description.trainingEnded(now);
        }
        description.state(state).failureReason(failureReason).transition(status, now, message).lastModified(now);
        JobDescription d = description.build();
        if (d.trainingStarted() != null) {
            description.billableSeconds(Math.max(1, Duration.between(d.trainingStarted(), d.trainingEnded()).toSeconds()));
        }
    }

    private synchronized void interruptHosts() {
        hosts.forEach(Thread::interrupt);
    }
}
