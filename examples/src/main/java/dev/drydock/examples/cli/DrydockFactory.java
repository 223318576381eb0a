package dev.drydock.examples.cli;

import dev.drydock.core.Drydock;
import dev.drydock.core.ImageSource;
import dev.drydock.core.model.ImageReference;
import dev.drydock.core.PollPolicy;
import dev.drydock.core.model.StorageUri;
import dev.drydock.examples.houseprices.TrainerProcess;
import dev.drydock.local.LocalBackend;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds a {@link Drydock} for the backend the command line chose. This is the only place that knows the adapters:
 * everything else works on the ports.
 *
 * <p>Local layout under the home folder: {@code jobs/} (job folders, state and logs), {@code storage/} (uploaded
 * inputs and {@code model.tar.gz} files, as {@code file://}), {@code models/<job>/} (extracted models and output).
 */
final class DrydockFactory {
    private DrydockFactory() {
    }

    static Drydock create(BackendOptions options) {
        switch (options.kind()) {
            case PROCESS:
            case DOCKER:
                return local(options);
            case SAGEMAKER:
                return SageMakerDrydock.create(options);
        }
        throw new AssertionError(options.kind());
    }

    /**
     * Where the training image comes from on the chosen backend: the local image as it is, or for SageMaker the
     * local image pushed to the ECR repository (created when missing) under the same tag.
     */
    static ImageSource imageSource(BackendOptions options, String image) {
        ImageSource local = ImageSource.existing(image);
        if (options.kind() != BackendKind.SAGEMAKER) {
            return local;
        }
        ImageReference ref = ImageReference.parse(image);
        return local.pushTo(new ImageReference(null, options.ecrRepository, ref.tag() == null ? "latest" : ref.tag(), null));
    }

    private static Drydock local(BackendOptions options) {
        Path home = options.home();
        LocalBackend.Builder builder = LocalBackend.builder()
                .jobRoot(home.resolve("jobs"))
                .backendKind(options.kind() == BackendKind.DOCKER ? dev.drydock.local.BackendKind.DOCKER : dev.drydock.local.BackendKind.PROCESS)
                .trainerCommand(TrainerProcess.command());
        if (options.dockerHost != null && !options.dockerHost.isBlank()) {
            builder.dockerHost(options.dockerHost);
        }
        if (options.memoryLimit != null) {
            if (options.kind() != BackendKind.DOCKER) {
                throw new dev.drydock.core.error.ConfigurationException("--memory " + options.memoryLimit
                        + " needs the docker backend (add --docker): a child process cannot be held to a memory limit");
            }
            builder.memoryLimit(options.memoryLimit);
        }
        LocalBackend local = builder.build();
        Path storage = home.resolve("storage");
        try {
            Files.createDirectories(storage);
        } catch (java.io.IOException e) {
            throw new dev.drydock.core.error.StorageIoException("cannot create " + storage + ": " + e.getMessage()
                    + "; choose a writable --home", e);
        }
        return Drydock.builder()
                .imageRegistry(local.imageRegistry())
                .storage(local.storage())
                .trainingBackend(local.trainingBackend())
                .artifactStore(local.artifactStore())
                .stagingPrefix(StorageUri.of(storage).asPrefix())
                .workDirectory(home.resolve("models"))
                .pollPolicy(PollPolicy.local())
                .build();
    }

}
