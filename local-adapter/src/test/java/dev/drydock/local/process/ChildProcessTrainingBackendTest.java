package dev.drydock.local.process;

import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.local.TestTrainers;
import dev.drydock.local.job.ArtifactStoreModelPublisher;
import dev.drydock.local.storage.FileSystemArtifactStore;
import dev.drydock.local.storage.FileSystemStorage;
import dev.drydock.testkit.ContainerBehaviour;
import dev.drydock.testkit.TrainingBackendContractTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

/** The child-process backend passes the training backend contract with real child processes and file:// storage. */
class ChildProcessTrainingBackendTest extends TrainingBackendContractTest {
    @TempDir
    static Path jobRoot;

    @TempDir
    static Path storageRoot;

    private final FileSystemStorage storage = FileSystemStorage.create();
    private ChildProcessTrainingBackend backend;
    private ChildProcessTrainingBackend another;

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

    @Override
    protected TrainingJobSpec.Builder containerFor(ContainerBehaviour behaviour) {
        return behaviour.applyTo(TrainingJobSpec.builder().image("drydock/scripted:latest"));
    }

    private ChildProcessTrainingBackend build() {
        return ChildProcessTrainingBackend.builder()
                .jobRoot(jobRoot)
                .storage(storage)
                .modelPublisher(new ArtifactStoreModelPublisher(new FileSystemArtifactStore(storage), storage))
                .command(TestTrainers.scriptedContainerCommand())
                .gracePeriod(Duration.ofSeconds(1))
                .build();
    }
}
