package dev.drydock.core.tuning;

import dev.drydock.core.error.JobAlreadyExistsException;
import dev.drydock.core.port.TrainingBackend;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tuning with SageMaker's semantics over any {@link TrainingBackend}: the child-process and Docker backends, the
 * testkit's fakes, even SageMaker's training jobs. Each tuning job lives in {@code <root>/<name>/} (see
 * {@link TuningFolder}), so that another process can describe and stop it, and a tuning job whose process died is
 * resumed by submitting the same spec again: finished trials are kept, running ones followed, the rest run.
 *
 * <p>Cheap to make: the state is in the folder, and the runs of this process in one registry shared by every
 * instance, so that two instances over the same folder never run the same tuning job twice.
 */
public final class LocalTuningBackend implements TuningBackend {
    /** A heartbeat older than this means the process that ran the tuning job is gone. */
    static final Duration OWNER_TIMEOUT = Duration.ofSeconds(30);
    private static final Map<Path, Thread> RUNS = new ConcurrentHashMap<>();

    private final TrainingBackend training;
    private final Path root;
    private final Duration poll;

    private LocalTuningBackend(TrainingBackend training, Path root, Duration poll) {
        this.training = Objects.requireNonNull(training, "training");
        this.root = root.toAbsolutePath().normalize();
        this.poll = Objects.requireNonNull(poll, "poll");
    }

    /** Tuning over {@code training}, with tuning jobs kept below {@code root}, polling trials every 200 ms. */
    public static LocalTuningBackend over(TrainingBackend training, Path root) {
        return new LocalTuningBackend(training, root, Duration.ofMillis(200));
    }

    /** This, polling trials every {@code value}. */
    public LocalTuningBackend withPollInterval(Duration value) {
        return new LocalTuningBackend(training, root, value);
    }

    @Override
    public String name() {
        return "local tuning over " + training.name();
    }

    /** Where tuning jobs are kept. */
    public Path root() {
        return root;
    }

    @Override
    public synchronized TuningJobDescription submit(TuningJobSpec spec) {
        // Parents are read first: a missing parent is refused before anything is written.
        List<Observation> parents = parentObservations(spec);
        TuningFolder folder = folderOf(spec.name());
        if (folder.exists()) {
            Properties job = folder.readJob();
            if (!spec.fingerprint().equals(job.getProperty("fingerprint"))) {
                throw new JobAlreadyExistsException(spec.name().value(), "a tuning job named \"" + spec.name()
                        + "\" already exists in " + folder.path() + " with a different spec: choose another name, or"
                        + " describe that one (drydock describe " + spec.name() + ")", null);
            }
            TuningJobStatus status = TuningJobStatus.fromWireName(job.getProperty("status"));
            if (!status.isTerminal() && !isRunHere(folder) && !isRunElsewhere(job)) {
                start(spec, folder, Long.parseLong(job.getProperty("seed")), parents);
            }
            return describe(spec.name());
        }
        long seed = spec.randomSeed() != null ? spec.randomSeed() : ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE);
        Properties job = new Properties();
        job.setProperty("fingerprint", spec.fingerprint());
        job.setProperty("status", TuningJobStatus.IN_PROGRESS.wireName());
        job.setProperty("strategy", spec.strategy().wireName());
        job.setProperty("objectiveMetric", spec.objective().metricName());
        job.setProperty("objectiveType", spec.objective().type().wireName());
        job.setProperty("maxTrials", Integer.toString(spec.maxTrials()));
        job.setProperty("seed", Long.toString(seed));
        job.setProperty("created", Instant.now().toString());
        job.setProperty("heartbeat", Instant.now().toString());
        job.setProperty("ownerPid", Long.toString(ProcessHandle.current().pid()));
        folder.writeJob(job);
        start(spec, folder, seed, parents);
        return describe(spec.name());
    }

    @Override
    public TuningJobDescription describe(TuningJobName name) {
        TuningFolder folder = folderOf(name);
        if (!folder.exists()) {
            throw new TuningJobNotFoundException(name.value(), "in " + root);
        }
        Properties job = folder.readJob();
        String ended = job.getProperty("ended");
        return new TuningJobDescription(name, "arn:aws:sagemaker:local:000000000000:hyper-parameter-tuning-job/" + name,
                TuningJobStatus.fromWireName(job.getProperty("status")),
                TuningStrategy.fromWireName(job.getProperty("strategy")),
                new Objective(job.getProperty("objectiveMetric"), ObjectiveType.fromWireName(job.getProperty("objectiveType"))),
                Integer.parseInt(job.getProperty("maxTrials")), folder.readTrials(), Instant.parse(job.getProperty("created")),
                ended == null ? null : Instant.parse(ended), job.getProperty("endReason"), job.getProperty("failureReason"));
    }

    /**
     * Asks the tuning job to stop. The process running it stops its trials; when no process runs it any more (it died),
     * its running trials are stopped here and it is recorded as Stopped.
     */
    @Override
    public synchronized void stop(TuningJobName name) {
        TuningJobDescription current = describe(name);
        if (current.status().isTerminal()) {
            return;
        }
        TuningFolder folder = folderOf(name);
        folder.requestStop();
        if (!isRunHere(folder) && !isRunElsewhere(folder.readJob())) {
            current.trials().stream().filter(t -> !t.state().isTerminal()).forEach(t -> training.stop(t.name()));
            Properties job = folder.readJob();
            job.setProperty("status", TuningJobStatus.STOPPED.wireName());
            job.setProperty("endReason", "StopRequested");
            job.setProperty("ended", Instant.now().toString());
            folder.writeJob(job);
        }
    }

    /** Whether a thread of this process runs the tuning job. */
    boolean isRunning(TuningJobName name) {
        return isRunHere(folderOf(name));
    }

    private void start(TuningJobSpec spec, TuningFolder folder, long seed, List<Observation> parents) {
        TuningRun run = new TuningRun(spec, training, folder, poll, seed, parents);
        Thread thread = new Thread(() -> {
            try {
                run.run();
            } finally {
                RUNS.remove(folder.path());
            }
        }, "drydock-tuning-" + spec.name());
        thread.setDaemon(true);
        RUNS.put(folder.path(), thread);
        thread.start();
    }

    /** The results of the warm start's parents, in this job's objective (both kinds of warm start learn from them). */
    private List<Observation> parentObservations(TuningJobSpec spec) {
        List<Observation> observed = new ArrayList<>();
        for (TuningJobName parent : spec.warmStartIfAny().map(WarmStart::parents).orElse(List.of())) {
            TuningJobDescription d = describe(parent);
            for (TrialSummary t : d.trials()) {
                if (t.objective() != null && !t.objective().isNaN()) {
                    observed.add(new Observation(t.tunedHyperparameters(), spec.objective().type().asLoss(t.objective())));
                }
            }
        }
        return observed;
    }

    private boolean isRunHere(TuningFolder folder) {
        Thread thread = RUNS.get(folder.path());
        return thread != null && thread.isAlive();
    }

    private static boolean isRunElsewhere(Properties job) {
        long pid = Long.parseLong(job.getProperty("ownerPid", "-1"));
        if (pid == ProcessHandle.current().pid()) {
            return false;
        }
        boolean alive = Optional.ofNullable(pid > 0 ? ProcessHandle.of(pid).orElse(null) : null).map(ProcessHandle::isAlive).orElse(false);
        Instant heartbeat = Instant.parse(job.getProperty("heartbeat", Instant.EPOCH.toString()));
        return alive && Duration.between(heartbeat, Instant.now()).compareTo(OWNER_TIMEOUT) < 0;
    }

    private TuningFolder folderOf(TuningJobName name) {
        return new TuningFolder(root.resolve(name.value()));
    }
}
