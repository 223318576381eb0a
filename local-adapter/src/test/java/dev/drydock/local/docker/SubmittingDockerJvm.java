package dev.drydock.local.docker;

import dev.drydock.core.model.JobName;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.local.job.StorageModelPublisher;
import dev.drydock.local.storage.FileSystemStorage;
import dev.drydock.testkit.ContainerBehaviour;
import dev.drydock.testkit.ScriptedContainer;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A JVM that submits a job of the scripted image to the Docker backend, prints {@code running} once the container
 * sleeps, and waits to be killed: for {@link DockerLeftoversIT}. Arguments: job root, job name, channel folder,
 * output folder, the container's behaviour ({@link ContainerBehaviour} name).
 */
public final class SubmittingDockerJvm {
    private SubmittingDockerJvm() {
    }

    /** Submits and waits for ever. */
    public static void main(String[] args) throws Exception {
        FileSystemStorage storage = FileSystemStorage.create();
        DockerTrainingBackend backend = DockerTrainingBackend.builder().jobRoot(Path.of(args[0])).storage(storage)
                .modelPublisher(new StorageModelPublisher(storage)).gracePeriod(Duration.ofSeconds(2)).build();
        JobName name = JobName.of(args[1]);
        backend.submit(ContainerBehaviour.valueOf(args[4]).applyTo(TrainingJobSpec.builder().image(ScriptedImage.IMAGE))
                .name(name).channel("train", StorageUri.of(Path.of(args[2])).asPrefix())
                .outputPath(StorageUri.of(Path.of(args[3])).asPrefix()).build());
        while (backend.readLogs(name, LogCursor.START).events().stream()
                .noneMatch(e -> e.message().equals(ScriptedContainer.SLEEPING_LINE))) {
            Thread.sleep(50);
        }
        System.out.println("running");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
