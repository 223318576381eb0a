package dev.drydock.local.docker;

import dev.drydock.core.Backend;
import dev.drydock.core.BackendSettings;
import dev.drydock.core.Backends;
import dev.drydock.core.ImageSource;
import dev.drydock.core.TrainingRequest;
import dev.drydock.testkit.BackendContractTest;
import dev.drydock.testkit.ContainerBehaviour;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;


/** The docker backend, chosen by name, runs drydock's whole workflow with real containers of the scripted image. */
class DockerBackendContractIT extends BackendContractTest {

    @BeforeAll
    void needsDaemonAndImage() {
        DockerTestDaemon.assumeReady();
    }

    @Override
    protected Backend createBackend() {
        try {
            return Backends.named("docker", BackendSettings.of(
                    "home", Files.createTempDirectory("docker-backend").toString(), "grace-period", "2s"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected TrainingRequest.Builder requestFor(ContainerBehaviour behaviour) {
        return TrainingRequest.builder().image(ImageSource.existing(ScriptedImage.IMAGE)).spec(behaviour::applyTo);
    }
}
