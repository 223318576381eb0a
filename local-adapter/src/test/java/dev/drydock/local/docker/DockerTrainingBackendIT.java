package dev.drydock.local.docker;

import dev.drydock.local.LocalTrainingBackendContractTest;
import dev.drydock.local.storage.FileSystemArtifactStore;
import dev.drydock.local.storage.FileSystemStorage;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;


/**
 * The Docker backend passes the training backend contract with real containers of a scripted image and real
 * {@code file://} storage: channels staged from a {@link FileSystemStorage}, models packed by the
 * {@link FileSystemArtifactStore}, as the local backend wires them by default.
 */
class DockerTrainingBackendIT extends LocalTrainingBackendContractTest<DockerTrainingBackend> {

    @BeforeAll
    void needsDaemonAndImage() {
        DockerTestDaemon.assumeReady();
    }

    @Override
    protected DockerTrainingBackend build() {
        return DockerTrainingBackend.builder()
                .jobRoot(jobRoot)
                .storage(storage)
                .modelPublisher(modelPublisher())
                .gracePeriod(Duration.ofSeconds(2))
                .build();
    }

    @Override
    protected String image() {
        return ScriptedImage.IMAGE;
    }
}
