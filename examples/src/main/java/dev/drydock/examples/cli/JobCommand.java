package dev.drydock.examples.cli;

import dev.drydock.core.error.JobNotFoundException;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.model.JobName;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A command about one existing job, named on the command line. */
abstract class JobCommand extends BackendCommand {
    @Parameters(paramLabel = "JOB", description = "The job's name.")
    String job;

    /** The job's name, validated. */
    JobName jobName() {
        return JobName.of(job);
    }

    /**
     * {@code action}'s result; when the backend does not know the job but {@code --home} still holds what the job
     * left (its extracted model, its staged input, its stored model), the job existed and its folder was deleted:
     * that is said, with what is left, instead of "check the name", which would send the user after a typo.
     */
    <T> T onJob(Supplier<T> action) {
        try {
            return action.get();
        } catch (JobNotFoundException e) {
            throw deleted(e).orElseThrow(() -> e);
        }
    }

    private Optional<RuntimeException> deleted(JobNotFoundException e) {
        if (backend.backendName().equals("sagemaker")) {
            return Optional.empty();
        }
        Path home = backend.home();
        List<Path> traces = List.of(home.resolve("models").resolve(job).resolve("model"), home.resolve("models").resolve(job),
                home.resolve("storage").resolve("models").resolve(job), home.resolve("storage").resolve(job));
        return traces.stream().filter(Files::exists).findFirst().map(trace -> new StorageIoException("training job \"" + job
                + "\" ran under --home " + home + " (" + trace + " is what is left of it) but its folder "
                + home.resolve("jobs").resolve(job) + ", with its state and logs, was deleted: it can no longer be described,"
                + " followed or stopped; " + (trace.endsWith("model") ? "use its model with predict --model " + trace + ", or "
                : "") + "train again", e));
    }
}
