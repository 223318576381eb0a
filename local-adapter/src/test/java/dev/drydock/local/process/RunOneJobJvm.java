package dev.drydock.local.process;

import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.local.job.StorageModelPublisher;
import dev.drydock.local.storage.FileSystemStorage;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A JVM that runs one job of the process backend to its end and prints its state: for tests that need the
 * submitting JVM to have an environment or options of their own. Arguments: job root, job name, channel folder,
 * output folder, then the trainer command's words; the job's environment has {@code JOB_OWN=yes}.
 */
public final class RunOneJobJvm {
    private RunOneJobJvm() {
    }

    /** Runs the job and prints {@code ended <state>}. */
    public static void main(String[] args) throws Exception {
        FileSystemStorage storage = FileSystemStorage.create();
        List<String> command = Arrays.asList(args).subList(4, args.length);
        ChildProcessTrainingBackend backend = ChildProcessTrainingBackend.builder().jobRoot(Path.of(args[0])).storage(storage)
                .modelPublisher(new StorageModelPublisher(storage)).command(command).build();
        JobName name = JobName.of(args[1]);
        backend.submit(TrainingJobSpec.builder().image("drydock/scripted:latest").name(name)
                .environment(Map.of("JOB_OWN", "yes"))
                .channel("train", StorageUri.of(Path.of(args[2])).asPrefix())
                .outputPath(StorageUri.of(Path.of(args[3])).asPrefix()).build());
        JobDescription d = backend.describe(name);
        while (!d.state().isTerminal()) {
            Thread.sleep(50);
            d = backend.describe(name);
        }
        System.out.println("ended " + d.state().wireName());
    }
}
