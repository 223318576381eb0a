package dev.drydock.local.job;

import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.SecondaryStatus;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One job running in this JVM: stages its inputs, starts its hosts, watches them, and records every change of state
 * in memory and on disk.
 *
 * <p>The run loop is event-driven: each host's exit is put on a queue the loop blocks on, so an ended host is noticed
 * at once; the loop also wakes every {@value #TICK_MILLIS} ms to see a stop asked by another process (a file in the
 * job folder), the max runtime and the grace period.
 *
 * <p>Several hosts: the job ends when every host has ended and succeeds only if every host exited 0. When one host
 * fails while others run, the others get SIGTERM (then SIGKILL after the grace period), as SageMaker does, and the
 * job fails with the first failing host's reason. The model is collected from {@code algo-1}, as SageMaker does,
 * and only after every host has ended: for a completed job, and for a stopped one when its container saved anything
 * in {@code /opt/ml/model} (as SageMaker keeps it); never for a failed one.
 */
final class RunningJob implements Runnable {
    /** How often the loop looks for a stop file and deadlines when no host ends. */
    static final long TICK_MILLIS = 200;
    /** How often, at most, changed metrics are written to disk while the job runs. */
    private static final long METRICS_PERSIST_MILLIS = 1000;
    private static final Object STOP_SIGNAL = new Object();
    /** How often a state that could not be written (a full disk) is written again once the job has ended. */
    static final long SAVE_RETRY_MILLIS = 1000;

    private final LocalJobEngine engine;
    private final TrainingJobSpec spec;
    private final JobFolder folder;
    private final JobDescription.Builder description;
    private final MetricTracker metrics;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final List<HostProcess> started = new ArrayList<>();
    private final Map<String, HostExit> ended = new LinkedHashMap<>();
    private final List<HostFolder> hostFolders = new ArrayList<>();
    private JobLog log;
    private CheckpointSync checkpoints;
    private volatile StopCause stopCause;
    private volatile boolean finished;
    /** Opens when the job has a terminal state, for a JVM that waits for its jobs to stop before it exits. */
    private final java.util.concurrent.CountDownLatch terminal = new java.util.concurrent.CountDownLatch(1);
    private String failureReason;
    private Instant killAt;
    private long lastMetricsPersist;
    private volatile boolean unsaved;

    RunningJob(LocalJobEngine engine, TrainingJobSpec spec, JobFolder folder, JobDescription initial) {
        this.engine = engine;
        this.spec = spec;
        this.folder = folder;
        this.description = initial.toBuilder();
        this.metrics = new MetricTracker(spec.metricDefinitions());
    }

    /** SIGTERM to SIGKILL for this job's hosts. */
    Duration gracePeriod() {
        return engine.gracePeriod();
    }

    JobFolder folder() {
        return folder;
    }

    /** The job's current description. */
    JobDescription describe() {
        synchronized (description) {
            return description.finalMetrics(metrics.values()).build();
        }
    }

    /**
     * Why a spot interruption drill cannot run on {@code spec}, or empty when it can: SageMaker restarts only a managed
     * spot job, and only checkpoints let the restarted job resume rather than start over.
     */
    static java.util.Optional<String> whyNoInterruption(TrainingJobSpec spec) {
        if (!spec.useSpotInstances() || spec.checkpoint() == null) {
            return java.util.Optional.of("job " + spec.name() + " cannot be interrupted: a spot interruption drill needs a"
                    + " managed spot job with checkpoints (useSpotInstances, a max wait time and a checkpoint location),"
                    + " which SageMaker restarts on its checkpoints; stop it instead");
        }
        return java.util.Optional.empty();
    }

    /**
     * Interrupts the job as a reclaimed spot instance would: SIGTERM, the grace period, what was checkpointed kept,
     * then the job starts again under the same name on its checkpoints.
     *
     * @return why it cannot be done, or empty when the drill started
     */
    java.util.Optional<String> requestInterruption() {
        java.util.Optional<String> why = whyNoInterruption(spec);
        if (why.isPresent()) {
            return why;
        }
        synchronized (description) {
            if (finished || stopCause != null) {
                return java.util.Optional.of("job " + spec.name() + " is ending already; there is nothing to interrupt");
            }
            stopCause = StopCause.SPOT_INTERRUPTION;
            Instant now = Instant.now();
            description.transition(SecondaryStatus.INTERRUPTED, now,
                    "The spot instance was interrupted (a drill); the job restarts on its checkpoints");
            persist();
        }
        events.add(STOP_SIGNAL);
        return java.util.Optional.empty();
    }

    /** Asks the job to stop; the first cause wins. Does nothing once the job has ended. */
    void requestStop(StopCause cause) {
        synchronized (description) {
            if (finished || stopCause != null) {
                return;
            }
            stopCause = cause;
            if (cause.keepsWhatWasSaved()) {
                Instant now = Instant.now();
                description.state(JobState.STOPPING);
                description.transition(cause == StopCause.MAX_RUNTIME ? SecondaryStatus.MAX_RUNTIME_EXCEEDED : SecondaryStatus.STOPPING,
                        now, cause == StopCause.MAX_RUNTIME
                                ? "The job reached its max runtime of " + spec.stoppingCondition().maxRuntime() + "; stopping it"
                                : cause == StopCause.EXITING
                                ? "The program that ran the job (pid " + ProcessHandle.current().pid() + ") is exiting; stopping the job"
                                : "Stopping the training job");
                persist();
            }
        }
        events.add(STOP_SIGNAL);
    }

    @Override
    public void run() {
        try {
            runJob();
        } catch (DrydockException e) {
            fail(e.getMessage());
        } catch (RuntimeException | Error e) {
            fail("the local " + engine.launcher().name() + " backend failed unexpectedly: " + e);
        } finally {
            cleanUp();
        }
    }

    /** Ends the job at once because the JVM exits: kills the hosts and records why. */
    void shutdownNow() {
        requestStop(StopCause.SHUTDOWN);
        synchronized (started) {
            started.forEach(HostProcess::kill);
        }
        engine.launcher().afterHosts(spec.name());
        synchronized (description) {
            if (!finished) {
                finish(JobState.FAILED, SecondaryStatus.FAILED, "the JVM that ran the job (pid " + ProcessHandle.current().pid()
                        + ") exited before the job ended", null);
            }
        }
    }

    private void runJob() throws DrydockException {
        List<String> hosts = spec.resources().hostNames();
        transition(SecondaryStatus.DOWNLOADING, "Downloading input data");
        for (String host : hosts) {
            HostFolder hostFolder = folder.host(host).create();
            ContainerConfigFiles.write(spec, hostFolder, hosts);
            hostFolders.add(hostFolder);
        }
        engine.stager().stage(spec, hostFolders);
        checkpoints = CheckpointSync.of(engine.storage(), spec, hostFolders);
        checkpoints.restore();
        log = JobLog.openForAppend(folder.logFile(), metrics::accept);
        if (stopCause != null) {
            finishStopped(null); // no container ran, so none saved a model
            return;
        }
        engine.launcher().beforeHosts(spec.name(), hosts);
        Instant trainingStarted = Instant.now();
        synchronized (description) {
            description.trainingStarted(trainingStarted);
            transitionLocked(SecondaryStatus.TRAINING, trainingStarted, "Training image download completed. Training in progress.");
        }
        Duration ran = Duration.ZERO;
        while (true) {
            Instant attemptStarted = Instant.now();
            launchHosts(hosts);
            watch(attemptStarted.plus(spec.stoppingCondition().maxRuntime().minus(ran)));
            // Every host has ended: what the trainers checkpointed last (also in the grace period of a stop) is kept.
            checkpoints.syncNow(log);
            ran = ran.plus(Duration.between(attemptStarted, Instant.now()));
            if (stopCause != StopCause.SPOT_INTERRUPTION || failureReason != null) {
                break;
            }
            restartAfterInterruption(hosts);
        }
        Instant trainingEnded = Instant.now();
        synchronized (description) {
            description.trainingEnded(trainingEnded);
            // As SageMaker bills a spot job: the time its hosts ran, not the time spent restarting them.
            description.billableSeconds(Math.max(1, ran.toSeconds()));
        }
        if (failureReason != null) {
            fail(failureReason);
        } else if (stopCause != null) {
            finishStopped(publishWhatTheContainerSaved());
        } else {
            transition(SecondaryStatus.UPLOADING, "Uploading generated training model");
            HostFolder first = hostFolders.get(0);
            StorageUri model = engine.publisher().publish(spec, first.model(), first.outputData());
            synchronized (description) {
                finish(JobState.COMPLETED, SecondaryStatus.COMPLETED, null, model);
            }
        }
    }

    /**
     * After a spot interruption: the hosts' folders are emptied but for their input, the checkpoints are restored from
     * the checkpoint location (as on a new instance), and the hosts start again.
     */
    private void restartAfterInterruption(List<String> hosts) {
        engine.launcher().afterHosts(spec.name());
        synchronized (started) {
            started.clear();
        }
        ended.clear();
        killAt = null;
        for (HostFolder host : hostFolders) {
            for (Path folder : new Path[] {host.model(), host.outputData(), host.checkpoints()}) {
                HostFolder.emptyQuietly(folder);
            }
            try {
                Files.deleteIfExists(host.failureFile());
            } catch (java.io.IOException e) {
                // a stale failure file would only be overwritten by the next failure
            }
        }
        checkpoints.restore();
        engine.launcher().beforeHosts(spec.name(), hosts);
        synchronized (description) {
            stopCause = null;
            transitionLocked(SecondaryStatus.TRAINING, Instant.now(), "Training resumed on the checkpoints after the spot interruption");
        }
        log.line(hostFolders.get(0).host(), "drydock: spot interruption drill: restarting the job on its checkpoints");
    }

    private void launchHosts(List<String> hosts) {
        Map<String, String> environment = new LinkedHashMap<>(spec.environment());
        environment.put("TRAINING_JOB_NAME", spec.name().value());
        environment.put("TRAINING_JOB_ARN", LocalJobEngine.arnOf(spec.name()));
        for (HostFolder hostFolder : hostFolders) {
            if (stopCause != null) {
                break;
            }
            try {
                HostProcess process = engine.launcher().launch(new HostLaunch(spec, hostFolder.host(), hosts, hostFolder, environment, log));
                synchronized (started) {
                    started.add(process);
                }
                process.exit().whenComplete((exit, error) -> events.add(exit != null ? exit
                        : new HostExit(hostFolder.host(), -1, false, "could not follow the host: " + error)));
            } catch (RuntimeException e) {
                failureReason = FailureReasons.truncate(hostFolder.host() + " could not be started: "
                        + (e instanceof DrydockException ? e.getMessage() : e.toString()));
                stopCause = StopCause.HOST_FAILED;
                break;
            }
        }
        if (stopCause != null) {
            terminateAll();
        }
    }

    private void watch(Instant maxRuntimeDeadline) {
        while (ended.size() < started.size()) {
            Object event;
            try {
                event = events.poll(pollMillis(maxRuntimeDeadline), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // The engine does not interrupt its runners; treat it as a stop and keep waiting for the hosts.
                requestStop(StopCause.SHUTDOWN);
                event = null;
            }
            if (event instanceof HostExit exit) {
                onHostExit(exit);
            }
            Instant now = Instant.now();
            if (stopCause == null && Files.exists(folder.stopRequestFile())) {
                requestStop(StopCause.REQUESTED);
            }
            if (stopCause == null && Files.exists(folder.interruptRequestFile())) {
                // Asked by another process: it could not check the spec, so a refusal goes to the job's log.
                requestInterruption().ifPresent(why -> log.line(hostFolders.get(0).host(), "drydock: " + why));
                try {
                    Files.deleteIfExists(folder.interruptRequestFile());
                } catch (java.io.IOException e) {
                    // seen again next tick; requestInterruption is idempotent while the drill runs
                }
            }
            if (stopCause == null && !now.isBefore(maxRuntimeDeadline)) {
                requestStop(StopCause.MAX_RUNTIME);
            }
            if (stopCause != null && killAt == null) {
                terminateAll();
            }
            if (killAt != null && !now.isBefore(killAt)) {
                synchronized (started) {
                    started.forEach(HostProcess::kill);
                }
                killAt = Instant.MAX;
            }
            checkpoints.syncIfDue(log);
            if (ended.size() < started.size()) {
                // Once every host has ended the next transition (Uploading, Failed, Stopped) is written at once with
                // the metrics: a write here would be superseded within a millisecond, on the path to the result.
                persistMetricsIfChanged();
            }
        }
    }

    private void onHostExit(HostExit exit) {
        ended.put(exit.host(), exit);
        if (!exit.succeeded() && stopCause == null) {
            HostFolder hostFolder = hostFolders.stream().filter(h -> h.host().equals(exit.host())).findFirst().orElseThrow();
            failureReason = FailureReasons.of(exit, hostFolder);
            stopCause = StopCause.HOST_FAILED;
        }
    }

    private long pollMillis(Instant maxRuntimeDeadline) {
        long wait = TICK_MILLIS;
        Instant now = Instant.now();
        if (stopCause == null) {
            wait = Math.min(wait, Duration.between(now, maxRuntimeDeadline).toMillis());
        }
        if (killAt != null && killAt != Instant.MAX) {
            wait = Math.min(wait, Duration.between(now, killAt).toMillis());
        }
        return Math.max(1, wait);
    }

    private void terminateAll() {
        killAt = Instant.now().plus(engine.gracePeriod());
        synchronized (started) {
            for (HostProcess p : started) {
                p.terminate();
            }
        }
    }

    private void persistMetricsIfChanged() {
        long now = System.currentTimeMillis();
        if (now - lastMetricsPersist >= METRICS_PERSIST_MILLIS && metrics.takeChanged()) {
            lastMetricsPersist = now;
            synchronized (description) {
                persist();
            }
        }
    }

    /**
     * As SageMaker does for a stopped job: publishes what {@code algo-1} left in {@code /opt/ml/model} (saved within
     * the grace period, or there when it was killed) once every host has ended, and {@code output.tar.gz} with it.
     *
     * @return where the model is, or {@code null} when the container saved nothing or publishing failed (the job
     *         log says why: the job stays Stopped, without a model)
     */
    private StorageUri publishWhatTheContainerSaved() {
        if (stopCause == null || !stopCause.keepsWhatWasSaved()) {
            return null;
        }
        HostFolder first = hostFolders.get(0);
        try {
            return hasEntries(first.model()) ? engine.publisher().publish(spec, first.model(), first.outputData()) : null;
        } catch (RuntimeException e) {
            log.line(first.host(), "drydock: storing the model the stopped job saved at " + spec.modelArtifactUri()
                    + " failed: " + (e instanceof DrydockException ? e.getMessage() : e.toString()));
            return null;
        }
    }

    private static boolean hasEntries(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new StorageIoException("could not read " + folder + ": " + e.getMessage(), e);
        }
    }

    private void finishStopped(StorageUri model) {
        synchronized (description) {
            SecondaryStatus last = description.build().secondaryStatus();
            finish(JobState.STOPPED, last == SecondaryStatus.MAX_RUNTIME_EXCEEDED ? SecondaryStatus.MAX_RUNTIME_EXCEEDED
                    : SecondaryStatus.STOPPED, null, model);
        }
    }

    private void fail(String reason) {
        synchronized (description) {
            if (!finished) {
                finish(JobState.FAILED, SecondaryStatus.FAILED, FailureReasons.truncate(reason), null);
            }
        }
    }

    /** Records the terminal state; the caller holds the description's lock. */
    private void finish(JobState state, SecondaryStatus status, String reason, StorageUri model) {
        Instant now = Instant.now();
        description.state(state).failureReason(reason).modelArtifact(model);
        String message = switch (status) {
            case COMPLETED -> "Training job completed";
            case FAILED -> "Training job failed. Reason: " + reason;
            case MAX_RUNTIME_EXCEEDED -> "The job was stopped after reaching its max runtime";
            default -> "Training job stopped";
        };
        description.transition(status, now, message);
        description.lastModified(now);
        finished = true;
        persist();
        terminal.countDown();
    }

    /** Waits at most {@code timeout} for the job to reach a terminal state; whether it did. */
    boolean awaitEnd(Duration timeout) {
        try {
            return terminal.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return finished;
        }
    }

    private void transition(SecondaryStatus status, String message) {
        synchronized (description) {
            transitionLocked(status, Instant.now(), message);
        }
    }

    private void transitionLocked(SecondaryStatus status, Instant at, String message) {
        // A stop that arrived meanwhile keeps its Stopping status; the run loop ends the job.
        if (stopCause != null && stopCause.keepsWhatWasSaved()) {
            return;
        }
        description.transition(status, at, message);
        persist();
    }

    /**
     * Writes the state; the caller holds the description's lock. A write that fails (a full disk) never loses the
     * state: it stays right in memory, where {@link #describe()} in this JVM reads it, and is written again by the
     * next change or, once the job has ended, by {@link #saveUntilWritten()}.
     */
    private void persist() {
        try {
            JobStateStore.write(folder, new StoredJob(description.finalMetrics(metrics.values()).build(), engine.launcher().name(),
                    ProcessHandle.current().pid()));
            unsaved = false;
        } catch (StorageIoException e) {
            unsaved = true;
        }
    }

    /** Whether the latest state is only in memory because writing it failed. */
    boolean stateUnsaved() {
        return unsaved;
    }

    /** One more attempt to write the state, when the last one failed. */
    void saveState() {
        synchronized (description) {
            if (unsaved) {
                persist();
            }
        }
    }

    /**
     * Once the job has ended, writes its terminal state again every {@value #SAVE_RETRY_MILLIS} ms until it is on
     * disk (space was freed), so that a model already published is also recorded; the job stays known to this JVM
     * meanwhile.
     */
    private void saveUntilWritten() {
        // A job folder deleted meanwhile has nowhere to be written: this JVM still describes the job from memory.
        while (unsaved && Files.isDirectory(folder.root())) {
            try {
                Thread.sleep(SAVE_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            saveState();
        }
    }

    private void cleanUp() {
        try {
            engine.launcher().afterHosts(spec.name());
        } finally {
            if (log != null) {
                log.close();
            }
            saveUntilWritten();
            engine.forget(this);
        }
    }
}
