package dev.drydock.local;

import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.local.job.ArtifactStoreModelPublisher;
import dev.drydock.local.job.ModelPublisher;
import dev.drydock.local.storage.FileSystemArtifactStore;
import dev.drydock.local.storage.FileSystemStorage;
import dev.drydock.testkit.ContainerBehaviour;
import dev.drydock.testkit.TrainingBackendContractTest;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.model.CheckpointConfig;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.SecondaryStatus;
import dev.drydock.core.model.StatusTransition;
import dev.drydock.core.model.StoppingCondition;
import dev.drydock.testkit.ScriptedContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

/**
 * The training backend contract for a local backend wired as {@link LocalBackend} wires it by default: channels staged
 * from a real {@code file://} {@link FileSystemStorage}, models packed by the {@link FileSystemArtifactStore}. A
 * subclass says how to build its backend and which image runs the testkit's scripted container.
 *
 * @param <B> the backend under test
 */
public abstract class LocalTrainingBackendContractTest<B extends TrainingBackend> extends TrainingBackendContractTest {
    /** Where the backends under test keep their job folders. */
    @TempDir
    protected Path jobRoot;

    @TempDir
    Path storageRoot;

    /** The storage channels are staged from. */
    protected final FileSystemStorage storage = FileSystemStorage.create();
    private B backend;
    private B another;

    /** A new backend on {@link #jobRoot} and {@link #storage}, publishing with {@link #modelPublisher()}. */
    protected abstract B build();

    /** The image that stands for the scripted container on this backend. */
    protected abstract String image();

    /** How finished jobs' models are stored: packed into {@link #storage} by the file-system artifact store. */
    protected ModelPublisher modelPublisher() {
        return new ArtifactStoreModelPublisher(new FileSystemArtifactStore(storage), storage);
    }

    @Override
    protected TrainingBackend backend() {
        if (backend == null) {
            backend = build();
            another = build();
        }
        return backend;
    }

    @Override
    protected TrainingBackend anotherBackendInstance() {
        backend();
        return another;
    }

    @Override
    protected Storage storage() {
        return storage;
    }

    @Override
    protected StorageUri root() {
        return StorageUri.of(storageRoot).asPrefix();
    }

    @Test
    void interrupt_whenASpotJobWithCheckpoints_restartsItOnThemAndBillsOnlyWhatRan(@TempDir Path tmp) throws Exception {
        StorageUri location = root().resolve("spot-" + java.util.UUID.randomUUID() + "/checkpoints/");
        TrainingJobSpec spec = spec(ContainerBehaviour.RESUME_FROM_CHECKPOINT, b -> b.useSpotInstances(true)
                .stoppingCondition(new StoppingCondition(Duration.ofMinutes(10), Duration.ofMinutes(20)))
                .checkpoint(CheckpointConfig.of(location)));
        submit(spec);
        awaitLogLine(spec.name(), ScriptedContainer.SLEEPING_LINE);

        backend().interrupt(spec.name());
        JobDescription done = awaitEnd(spec.name());

        assertThat(done.state()).as(String.valueOf(done.failureReason())).isEqualTo(JobState.COMPLETED);
        assertThat(done.transitions()).extracting(StatusTransition::status)
                .containsSubsequence(SecondaryStatus.TRAINING, SecondaryStatus.INTERRUPTED, SecondaryStatus.TRAINING,
                        SecondaryStatus.COMPLETED);
        assertThat(allLogs(spec.name())).extracting(LogEvent::message)
                .containsSubsequence(ScriptedContainer.SLEEPING_LINE, "resuming from the checkpoint algo-1-runs.txt");
        Path runs = storage.get(location.resolve("algo-1-" + ScriptedContainer.CHECKPOINT_RUNS_FILE), tmp.resolve("runs.txt"));
        assertThat(Files.readString(runs).trim()).as("the restarted run counted on the first one's checkpoint").isEqualTo("2");
        long wall = Duration.between(done.trainingStarted(), done.trainingEnded()).toSeconds();
        assertThat(done.billableSeconds()).isNotNull().isPositive().isLessThanOrEqualTo(Math.max(1, wall));
    }

    @Test
    void interrupt_whenNotASpotJob_refusesSayingWhatItNeeds() {
        TrainingJobSpec spec = spec(ContainerBehaviour.SLEEP_UNTIL_STOPPED, b -> { });
        submit(spec);
        awaitLogLine(spec.name(), ScriptedContainer.SLEEPING_LINE);

        assertThatThrownBy(() -> backend().interrupt(spec.name())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("managed spot job with checkpoints").hasMessageContaining("stop it instead");
        // The sleeper would go on writing its folder while the temporary root is deleted: end it first.
        backend().stop(spec.name());
        awaitEnd(spec.name());
    }

    @Override
    protected boolean syncsCheckpoints() {
        return true;
    }

    @Override
    protected TrainingJobSpec.Builder containerFor(ContainerBehaviour behaviour) {
        return behaviour.applyTo(TrainingJobSpec.builder().image(image()));
    }
}
