package dev.drydock.core;

import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.DrydockInterruptedException;
import dev.drydock.core.error.ErrorCode;
import dev.drydock.core.error.JobFailedException;
import dev.drydock.core.error.JobStoppedException;
import dev.drydock.core.error.JobTimeoutException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobOutcome;
import dev.drydock.core.model.JobState;
import dev.drydock.core.port.ArtifactStore;
import dev.drydock.core.port.TrainingBackend;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A handle on one training job: its state, a wait for its end, stop, its outcome and its model.
 *
 * <p>While a handle follows its job, one background thread polls the backend with {@link PollPolicy} backoff and
 * reports status transitions and log lines to the {@link JobListener}; after the job ends it reads the logs once
 * more, so that the last lines are not lost. Thread-safe.
 */
public final class TrainingJob {
    private final JobName name;
    private final TrainingBackend backend;
    private final ArtifactStore artifactStore;
    private final Path localDirectory;
    private final JobListener listener;
    private final JobFollower follower;
    private final CompletableFuture<JobOutcome> outcome = new CompletableFuture<>();
    private volatile JobDescription last;
    private TrainedModel model;

    TrainingJob(JobDescription first, TrainingBackend backend, ArtifactStore artifactStore, Path localDirectory,
                PollPolicy pollPolicy, JobListener listener, Consumer<TrainingJob> onFollowEnd) {
        this.name = first.name();
        this.backend = backend;
        this.artifactStore = artifactStore;
        this.localDirectory = localDirectory;
        this.listener = listener;
        this.last = first;
        this.follower = new JobFollower(first, backend, pollPolicy, listener, this::observed, outcome, () -> onFollowEnd.accept(this));
    }

    void startFollowing() {
        follower.start();
    }

    void stopFollowing() {
        follower.cancel();
    }

    private void observed(JobDescription description) {
        this.last = description;
    }

    /** The job's name. */
    public JobName name() {
        return name;
    }

    /** The latest description the follower saw (no call to the backend). */
    public JobDescription lastDescription() {
        return last;
    }

    /** The job's current description, asked of the backend now. */
    public JobDescription describe() {
        JobDescription now = backend.describe(name);
        this.last = now;
        return now;
    }

    /** The job's latest known state. */
    public JobState state() {
        return last.state();
    }

    /** The outcome, if the job has ended. */
    public Optional<JobOutcome> outcome() {
        return outcome.isDone() && !outcome.isCompletedExceptionally() ? Optional.of(outcome.join()) : Optional.empty();
    }

    /**
     * Waits at most {@code timeout} for the job to end and returns how it ended.
     *
     * @throws JobTimeoutException         when it has not ended in time; the job goes on running
     * @throws DrydockException            when following failed (the backend stopped answering), or stopped because
     *                                     the {@link Drydock} that follows the job was closed (code INTERRUPTED)
     * @throws DrydockInterruptedException when the calling thread is interrupted
     */
    public JobOutcome await(Duration timeout) {
        try {
            return outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new JobTimeoutException(name.value(), timeout, last.state().wireName() + "/" + last.secondaryStatus().wireName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DrydockInterruptedException("waiting for training job " + name, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DrydockException de) {
                throw de;
            }
            throw new DrydockException(ErrorCode.INTERNAL, "following training job " + name + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** Asks the backend to stop the job (SIGTERM, then SIGKILL after the grace period); {@link #await} sees the end. */
    public void stop() {
        backend.stop(name);
    }

    /**
     * The extracted model of the ended job, downloaded on the first call into {@code <workDirectory>/<job>/model}:
     * the trained model of a completed job, or, as on SageMaker, the intermediate model a stopped job's container
     * saved in {@code /opt/ml/model} before it ended.
     *
     * @throws JobFailedException   when the job failed
     * @throws JobStoppedException  when it was stopped before its container saved a model
     * @throws DrydockException     when following the job failed, as {@link #await} reports it
     * @throws IllegalStateException when it has not ended yet ({@link #await} first)
     */
    public synchronized TrainedModel trainedModel() {
        if (model != null) {
            return model;
        }
        if (outcome.isCompletedExceptionally()) {
            // Say why following failed, rather than "await it first", which the caller may already have done.
            await(Duration.ZERO);
        }
        JobOutcome ended = outcome().orElseThrow(() -> new IllegalStateException("training job " + name + " is "
                + last.state().wireName() + ": await it before asking for its model"));
        if (ended instanceof JobOutcome.Failed failed) {
            throw new JobFailedException(name.value(), failed.reason());
        }
        if (ended instanceof JobOutcome.Stopped stopped && stopped.modelArtifactIfAny().isEmpty()) {
            throw new JobStoppedException(name.value(), (stopped.maxRuntimeExceeded() ? "it ran past its maximum runtime" : "by request")
                    + ", before it saved a model");
        }
        JobDescription description = ended.description();
        listener.onPhase(WorkflowPhase.DOWNLOADING_MODEL, String.valueOf(description.modelArtifact()));
        Path modelDir = artifactStore.extractModel(description, localDirectory.resolve("model"));
        Path outputDir = artifactStore.extractOutput(description, localDirectory.resolve("output")).orElse(null);
        listener.onPhase(WorkflowPhase.DONE, modelDir.toString());
        model = new TrainedModel(description, modelDir, outputDir);
        return model;
    }

    /** The extracted model folder of the ended job; see {@link #trainedModel()}. */
    public Path modelDirectory() {
        return trainedModel().modelDirectory();
    }

    @Override
    public String toString() {
        return "TrainingJob[" + name + ", " + last.state().wireName() + "/" + last.secondaryStatus().wireName() + "]";
    }
}
