package dev.drydock.core;

import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.DrydockInterruptedException;
import dev.drydock.core.error.ErrorCode;
import dev.drydock.core.error.JobTimeoutException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.port.ArtifactStore;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.core.tuning.TrialSummary;
import dev.drydock.core.tuning.TuningBackend;
import dev.drydock.core.tuning.TuningJobDescription;
import dev.drydock.core.tuning.TuningJobName;
import dev.drydock.core.tuning.TuningReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A handle on a tuning job, followed on a daemon thread that tells a {@link TuningListener} of each trial's start,
 * objective values and end. Await it, stop it, and take the best trial's model, as with a {@link TrainingJob}.
 *
 * <p>Thread-safe. Get one from {@link Drydock#tune} or {@link Drydock#attachTuning}.
 */
public final class TuningJob {
    private static final Logger LOG = LoggerFactory.getLogger(TuningJob.class);

    private final TuningJobName name;
    private final TuningBackend tuning;
    private final TrainingBackend training;
    private final ArtifactStore artifacts;
    private final Path workDirectory;
    private final PollPolicy pollPolicy;
    private final TuningListener listener;
    private final Consumer<TuningJob> onDone;
    private final CompletableFuture<TuningJobDescription> ended = new CompletableFuture<>();
    private final Thread thread;
    private volatile TuningJobDescription last;
    private TrainedModel bestModel;

    @SuppressWarnings("checkstyle:ParameterNumber")
    TuningJob(TuningJobDescription first, TuningBackend tuning, TrainingBackend training, ArtifactStore artifacts,
              Path workDirectory, PollPolicy pollPolicy, TuningListener listener, Consumer<TuningJob> onDone) {
        this.name = first.name();
        this.last = first;
        this.tuning = tuning;
        this.training = training;
        this.artifacts = artifacts;
        this.workDirectory = workDirectory;
        this.pollPolicy = pollPolicy;
        this.listener = listener;
        this.onDone = onDone;
        this.thread = new Thread(() -> follow(first), "drydock-follow-tuning-" + name);
        thread.setDaemon(true);
    }

    void startFollowing() {
        thread.start();
    }

    void stopFollowing() {
        thread.interrupt();
        ended.completeExceptionally(new DrydockException(ErrorCode.INTERRUPTED, "stopped following tuning job " + name
                + ": the Drydock that followed it was closed (the tuning job goes on; attach to it again by name)"));
    }

    /** The tuning job's name. */
    public TuningJobName name() {
        return name;
    }

    /** The description last seen by the follower. */
    public TuningJobDescription lastDescription() {
        return last;
    }

    /** The tuning job's description now, asked of the backend. */
    public TuningJobDescription describe() {
        return tuning.describe(name);
    }

    /** Every trial so far. */
    public List<TrialSummary> trials() {
        return describe().trials();
    }

    /** The best trial so far, if one reported the objective. */
    public Optional<TrialSummary> bestTrial() {
        return describe().bestTrial();
    }

    /**
     * Waits at most {@code timeout} for the tuning job to end and returns its last description.
     *
     * @throws JobTimeoutException         when it has not ended in time (it goes on)
     * @throws DrydockInterruptedException when the calling thread is interrupted
     */
    public TuningJobDescription await(Duration timeout) {
        try {
            return ended.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new JobTimeoutException(name.value(), timeout, last.status().wireName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DrydockInterruptedException("waiting for tuning job " + name, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DrydockException de) {
                throw de;
            }
            throw new DrydockException(ErrorCode.INTERNAL, "following tuning job " + name + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** Asks the tuning job to stop (its running trials are stopped); {@link #await} sees the end. */
    public void stop() {
        tuning.stop(name);
    }

    /**
     * The extracted model of the best trial, downloaded on the first call into {@code <workDirectory>/<trial>/model}.
     *
     * @throws IllegalStateException when no trial has reported the objective yet
     */
    public synchronized TrainedModel bestModel() {
        TrialSummary best = bestTrial().orElseThrow(() -> new IllegalStateException("tuning job " + name
                + " has no trial with an objective yet: await it first, or check its trials' failure reasons"));
        if (bestModel != null && bestModel.description().name().equals(best.name())) {
            return bestModel;
        }
        JobDescription description = training.describe(best.name());
        Path local = workDirectory.resolve(best.name().value());
        Path model = artifacts.extractModel(description, local.resolve("model"));
        Path output = artifacts.extractOutput(description, local.resolve("output")).orElse(null);
        bestModel = new TrainedModel(description, model, output);
        return bestModel;
    }

    /**
     * Writes the tuning job's report as it is now (see {@link TuningReport}) to
     * {@code <workDirectory>/<tuning-job>/output/tuning-report.html}, where a training job's output goes.
     *
     * @return the file written
     */
    public Path writeReport() {
        return writeReport(workDirectory.resolve(name.value()).resolve("output").resolve("tuning-report.html"));
    }

    /**
     * Writes the tuning job's report as it is now to {@code file}, whole or not at all.
     *
     * @return {@code file}, absolute
     */
    public Path writeReport(Path file) {
        return TuningReport.write(describe(), file);
    }

    @Override
    public String toString() {
        return "TuningJob[" + name + ", " + last.status().wireName() + ", " + last.trials().size() + " trials]";
    }

    private void follow(TuningJobDescription first) {
        Map<JobName, TrialSummary> seen = new HashMap<>();
        Duration wait = pollPolicy.initial();
        try {
            TuningJobDescription current = first;
            while (true) {
                report(current, seen);
                last = current;
                if (current.status().isTerminal()) {
                    safely(() -> listener.onEnded(last));
                    ended.complete(current);
                    return;
                }
                Thread.sleep(pollPolicy.jittered(wait).toMillis());
                wait = pollPolicy.next(wait);
                current = tuning.describe(name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("following tuning job {} failed", name, e);
            ended.completeExceptionally(e);
        } finally {
            onDone.accept(this);
        }
    }

    private void report(TuningJobDescription current, Map<JobName, TrialSummary> seen) {
        for (TrialSummary trial : current.trials()) {
            TrialSummary before = seen.put(trial.name(), trial);
            if (before == null) {
                safely(() -> listener.onTrialStarted(trial));
            }
            List<Double> values = trial.intermediateObjective();
            for (int i = before == null ? 0 : before.intermediateObjective().size(); i < values.size(); i++) {
                double value = values.get(i);
                safely(() -> listener.onObjective(trial, value));
            }
            if (trial.state().isTerminal() && (before == null || !before.state().isTerminal())) {
                safely(() -> listener.onTrialEnded(trial, current));
            }
        }
    }

    private static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("a tuning listener threw; following goes on", e);
        }
    }
}
