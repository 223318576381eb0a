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
import org.junit.jupiter.api.io.TempDir;

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

    @Override
    protected boolean syncsCheckpoints() {
        return true;
    }

    @Override
    protected TrainingJobSpec.Builder containerFor(ContainerBehaviour behaviour) {
        return behaviour.applyTo(TrainingJobSpec.builder().image(image()));
    }
}
