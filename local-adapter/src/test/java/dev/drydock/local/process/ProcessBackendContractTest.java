package dev.drydock.local.process;

import dev.drydock.core.Backend;
import dev.drydock.core.BackendSettings;
import dev.drydock.core.Backends;
import dev.drydock.core.ImageSource;
import dev.drydock.core.TrainingRequest;
import dev.drydock.local.TestTrainers;
import dev.drydock.local.registry.ProcessImageRegistry;
import dev.drydock.testkit.BackendContractTest;
import dev.drydock.testkit.ContainerBehaviour;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The process backend, chosen by name as an application would, runs drydock's whole workflow: the testkit's
 * scripted container as real child processes, inputs staged in {@code <home>/storage}.
 */
class ProcessBackendContractTest extends BackendContractTest {

    @Override
    protected Backend createBackend() {
        try {
            return Backends.named("process", BackendSettings.of(
                    "home", Files.createTempDirectory("process-backend").toString(),
                    "grace-period", "2s",
                    "trainer-command", String.join(" ", TestTrainers.scriptedContainerCommand())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected TrainingRequest.Builder requestFor(ContainerBehaviour behaviour) {
        // The command above stands for the default image of the process registry.
        return TrainingRequest.builder().image(ImageSource.existing(ProcessImageRegistry.DEFAULT_IMAGE)).spec(behaviour::applyTo);
    }
}
