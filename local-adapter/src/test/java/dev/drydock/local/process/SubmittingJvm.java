package dev.drydock.local.process;

import dev.drydock.core.model.JobName;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.local.TestTrainers;
import dev.drydock.local.job.ArtifactStoreModelPublisher;
import dev.drydock.local.storage.FileSystemArtifactStore;
import dev.drydock.local.storage.FileSystemStorage;
import dev.drydock.testkit.ContainerBehaviour;
import dev.drydock.testkit.ScriptedContainer;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A JVM that submits a job which runs until stopped, prints {@code running} once the container sleeps, and then waits
 * to be ended: for {@link ExitingJvmTest}. Arguments: job root, job name, channel folder, output folder, and optionally
 * the trainer's behaviour ({@code SLEEP_UNTIL_STOPPED} by default; {@code IGNORE_SIGTERM} for one that must be killed).
 */
public final class SubmittingJvm {
    private SubmittingJvm() {
    }

    /** Submits and waits for ever. */
    public static void main(String[] args) throws Exception {
        FileSystemStorage storage = FileSystemStorage.create();
        ChildProcessTrainingBackend backend = ChildProcessTrainingBackend.builder().jobRoot(Path.of(args[0])).storage(storage)
                .modelPublisher(new ArtifactStoreModelPublisher(new FileSystemArtifactStore(storage), storage))
                .command(TestTrainers.scriptedContainerCommand()).gracePeriod(Duration.ofSeconds(5)).build();
        runUntilKilled(backend, "drydock/scripted:latest", args);
    }

    /**
     * What both submitting JVMs do once their backend is made: submit the scripted job that {@code args} describe
     * (job root, job name, channel folder, output folder, optionally the behaviour, {@code SLEEP_UNTIL_STOPPED} by
     * default) with {@code image}, print {@code running} once its container sleeps, and wait to be killed.
     */
    public static void runUntilKilled(TrainingBackend backend, String image, String[] args) throws InterruptedException {
        JobName name = JobName.of(args[1]);
        ContainerBehaviour behaviour = args.length > 4 ? ContainerBehaviour.valueOf(args[4]) : ContainerBehaviour.SLEEP_UNTIL_STOPPED;
        backend.submit(behaviour.applyTo(TrainingJobSpec.builder().image(image))
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
