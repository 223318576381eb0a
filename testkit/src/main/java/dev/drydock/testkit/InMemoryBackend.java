package dev.drydock.testkit;

import dev.drydock.core.Backend;
import dev.drydock.core.PollPolicy;
import dev.drydock.core.model.ImageReference;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.ArtifactStore;
import dev.drydock.core.port.ImageRegistry;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A {@link Backend} of the testkit's fakes, for an application's own unit tests: {@link InMemoryStorage}, an
 * {@link InMemoryArtifactStore} over it, an {@link InMemoryImageRegistry} that holds
 * {@code drydock/scripted:latest}, and a {@link FakeTrainingBackend} whose containers run {@link ScriptedContainer}
 * on threads. Models are extracted below the given work directory.
 */
public final class InMemoryBackend implements Backend {
    /** The image the registry holds from the start. */
    public static final String SCRIPTED_IMAGE = "drydock/scripted:latest";

    private final String name;
    private final Path workDirectory;
    private final InMemoryStorage storage = new InMemoryStorage();
    private final InMemoryArtifactStore artifacts = new InMemoryArtifactStore(storage);
    private final InMemoryImageRegistry registry = new InMemoryImageRegistry();
    private final FakeTrainingBackend training;

    /** A backend called {@code name} extracting models below {@code workDirectory}. */
    public InMemoryBackend(String name, Path workDirectory) {
        this.name = Objects.requireNonNull(name, "name");
        this.workDirectory = workDirectory.toAbsolutePath().normalize();
        this.training = FakeTrainingBackend.builder().storage(storage).build();
        registry.add(ImageReference.parse(SCRIPTED_IMAGE));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InMemoryImageRegistry imageRegistry() {
        return registry;
    }

    @Override
    public Storage storage() {
        return storage;
    }

    @Override
    public TrainingBackend trainingBackend() {
        return training;
    }

    @Override
    public ArtifactStore artifactStore() {
        return artifacts;
    }

    /** {@code s3://drydock-in-memory/staging/}: the fake storage serves {@code s3://} locations. */
    @Override
    public StorageUri stagingPrefix() {
        return StorageUri.parse("s3://drydock-in-memory/staging/");
    }

    @Override
    public PollPolicy pollPolicy() {
        return PollPolicy.local();
    }

    @Override
    public Path workDirectory() {
        return workDirectory;
    }

    /** Ends the fake's container threads. */
    @Override
    public void close() {
        training.close();
    }
}
