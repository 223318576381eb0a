package dev.drydock.testkit;

import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;
import org.junit.jupiter.api.AfterAll;

import java.time.Duration;

class FakeTrainingBackendTest extends TrainingBackendContractTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private final FakeTrainingBackend backend =
            FakeTrainingBackend.builder().storage(storage).stopGracePeriod(Duration.ofMillis(500)).build();

    @AfterAll
    void close() {
        backend.close();
    }

    @Override
    protected TrainingBackend backend() {
        return backend;
    }

    @Override
    protected Storage storage() {
        return storage;
    }

    @Override
    protected StorageUri root() {
        return StorageUri.parse("s3://drydock-test/jobs/");
    }

    @Override
    protected TrainingJobSpec.Builder containerFor(ContainerBehaviour behaviour) {
        return behaviour.applyTo(TrainingJobSpec.builder().image("drydock/scripted:latest"));
    }

    @Override
    protected Duration shortMaxRuntime() {
        return Duration.ofSeconds(1);
    }
}
