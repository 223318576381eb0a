package dev.drydock.local.docker;

import com.github.dockerjava.api.DockerClient;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.local.job.ArtifactStoreModelPublisher;
import dev.drydock.local.storage.FileSystemArtifactStore;
import dev.drydock.local.storage.FileSystemStorage;
import dev.drydock.testkit.ContainerBehaviour;
import dev.drydock.testkit.TrainingBackendContractTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Docker backend passes the training backend contract with real containers of a scripted image and real
 * {@code file://} storage: channels staged from a {@link FileSystemStorage}, models packed by the
 * {@link FileSystemArtifactStore}, as the local backend wires them by default.
 */
class DockerTrainingBackendIT extends TrainingBackendContractTest {
    @TempDir
    static Path jobRoot;

    @TempDir
    static Path storageRoot;

    private final FileSystemStorage storage = FileSystemStorage.create();
    private DockerTrainingBackend backend;
    private DockerTrainingBackend another;

    @BeforeAll
    void needsDaemonAndImage() throws Exception {
        DockerClient client = DockerClients.create(DockerClients.defaultHost());
        Optional<String> missing = ScriptedImage.prepare(client);
        client.close();
        assumeTrue(missing.isEmpty(), () -> "skipped: " + missing.orElse(""));
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

    @Override
    protected TrainingJobSpec.Builder containerFor(ContainerBehaviour behaviour) {
        return behaviour.applyTo(TrainingJobSpec.builder().image(ScriptedImage.IMAGE));
    }

    private DockerTrainingBackend build() {
        return DockerTrainingBackend.builder()
                .jobRoot(jobRoot)
                .storage(storage)
                .modelPublisher(new ArtifactStoreModelPublisher(new FileSystemArtifactStore(storage), storage))
                .gracePeriod(Duration.ofSeconds(2))
                .build();
    }
}
