package dev.drydock.core;

import dev.drydock.core.model.ImageReference;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.ArtifactStore;
import dev.drydock.core.port.ImageRegistry;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.core.tuning.LocalTuningBackend;
import dev.drydock.core.tuning.TuningBackend;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where jobs run, as one value: the four ports of one technology plus what differs between backends (where inputs
 * are staged, where models are written, how often to poll, where the training image must be). Chosen by name with
 * {@link Backends#named(String, BackendSettings)} and handed to {@link Drydock#on(Backend)}; an application swaps
 * backends by configuration, not code, as a Beam pipeline swaps runners.
 *
 * <p>A backend owns the clients it made (SDK clients, Docker connections); {@link #close()} releases them. Jobs
 * already submitted are not stopped by closing.
 */
public interface Backend extends AutoCloseable {

    /** The name it was chosen by, such as {@code process}, {@code docker} or {@code sagemaker}. */
    String name();

    /** Builds, finds and pushes images where this backend's jobs can start them. */
    ImageRegistry imageRegistry();

    /** Holds uploaded inputs and finished models. */
    Storage storage();

    /** Runs the jobs. */
    TrainingBackend trainingBackend();

    /** Fetches and extracts finished jobs' models. */
    ArtifactStore artifactStore();

    /** Where {@link Drydock} uploads local inputs: {@code <prefix>/<job>/input/<channel>/}. */
    StorageUri stagingPrefix();

    /** The output path of jobs whose spec sets none: {@code <stagingPrefix>/models/} unless the backend says otherwise. */
    default StorageUri defaultOutputPath() {
        return stagingPrefix().resolve("models/");
    }

    /** How often job status is asked for; a cloud API is rate limited, a local folder is not. */
    PollPolicy pollPolicy();

    /** The local folder models are extracted into ({@code <workDirectory>/<job>/model}). */
    Path workDirectory();

    /**
     * Where a local image must be pushed for this backend to start it, when the request names no push target:
     * empty when the backend runs local images as they are (the local backends) or the image is already where it
     * must be.
     */
    default Optional<ImageReference> pushTarget(ImageReference image) {
        return Optional.empty();
    }

    /**
     * Runs tuning jobs across training jobs. By default locally, over {@link #trainingBackend()}, with the tuning jobs
     * kept below {@code <workDirectory>/tuning-jobs} (so that another process on the same work directory sees them);
     * a cloud backend with its own tuning service (SageMaker) returns that.
     */
    default TuningBackend tuningBackend() {
        return LocalTuningBackend.over(trainingBackend(), workDirectory().resolve("tuning-jobs"));
    }

    /** Releases what this backend opened; idempotent. */
    @Override
    void close();
}
