package dev.drydock.local.docker;

import dev.drydock.local.job.StorageModelPublisher;
import dev.drydock.local.process.SubmittingJvm;
import dev.drydock.local.storage.FileSystemStorage;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A JVM that submits a job of the scripted image to the Docker backend, prints {@code running} once the container
 * sleeps, and waits to be killed: for {@link DockerLeftoversIT}. Arguments: job root, job name, channel folder,
 * output folder, the container's behaviour (a {@code ContainerBehaviour} name).
 */
public final class SubmittingDockerJvm {
    private SubmittingDockerJvm() {
    }

    /** Submits and waits for ever. */
    public static void main(String[] args) throws Exception {
        FileSystemStorage storage = FileSystemStorage.create();
        DockerTrainingBackend backend = DockerTrainingBackend.builder().jobRoot(Path.of(args[0])).storage(storage)
                .modelPublisher(new StorageModelPublisher(storage)).gracePeriod(Duration.ofSeconds(2)).build();
        SubmittingJvm.runUntilKilled(backend, ScriptedImage.IMAGE, args);
    }
}
