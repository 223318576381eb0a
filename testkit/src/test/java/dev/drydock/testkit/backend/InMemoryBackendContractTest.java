package dev.drydock.testkit.backend;

import dev.drydock.core.Backend;
import dev.drydock.core.BackendSettings;
import dev.drydock.core.Backends;
import dev.drydock.core.ImageSource;
import dev.drydock.core.TrainingRequest;
import dev.drydock.testkit.BackendContractTest;
import dev.drydock.testkit.ContainerBehaviour;
import dev.drydock.testkit.InMemoryBackend;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The test-only backend, chosen by name through the SPI, passes the whole backend contract. */
class InMemoryBackendContractTest extends BackendContractTest {

    @Override
    protected Backend createBackend() {
        try {
            return Backends.named("in-memory", BackendSettings.of("home", Files.createTempDirectory("in-memory").toString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    protected TrainingRequest.Builder requestFor(ContainerBehaviour behaviour) {
        return TrainingRequest.builder().image(ImageSource.existing(InMemoryBackend.SCRIPTED_IMAGE)).spec(behaviour::applyTo);
    }

    @Test
    void named_whenRegisteredOnlyInThisTest_isListedWithDrydocksOwn() {
        assertThat(Backends.available()).contains("in-memory");
        assertThat(backend()).isInstanceOf(InMemoryBackend.class);
        assertThat(backend().workDirectory().getFileName()).isEqualTo(Path.of("models"));
    }
}
