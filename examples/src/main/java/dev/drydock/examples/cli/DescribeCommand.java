package dev.drydock.examples.cli;

import dev.drydock.core.Drydock;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.StatusTransition;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** {@code drydock describe JOB}: a job's state, transitions, failure reason, metrics and model location. */
@Command(name = "describe", mixinStandardHelpOptions = true, description = "Show a training job's state, status history, metrics and model.")
final class DescribeCommand extends JobCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        try (Drydock drydock = backend.open()) {
            java.util.Optional<dev.drydock.core.tuning.TuningJobDescription> tuning = TuningJobs.find(drydock, job);
            if (tuning.isPresent()) {
                TuningJobs.print(tuning.get(), System.out);
            } else {
                print(onJob(() -> drydock.describe(job)), System.out);
            }
        }
        return 0;
    }

    static void print(JobDescription d, PrintStream out) {
        out.println("job        " + d.name());
        out.println("state      " + d.state().wireName() + " / " + d.secondaryStatus().wireName());
        d.failureReasonIfAny().ifPresent(r -> out.println("reason     " + r));
        out.println("created    " + d.created());
        if (d.trainingStarted() != null) {
            out.println("started    " + d.trainingStarted());
        }
        if (d.trainingEnded() != null) {
            out.println("ended      " + d.trainingEnded());
        }
        for (StatusTransition t : d.transitions()) {
            out.println("  " + t.started() + "  " + t.status().wireName() + (t.message().isEmpty() ? "" : "  " + t.message()));
        }
        d.finalMetrics().forEach((k, v) -> out.println("metric     " + k + " = " + v));
        d.modelArtifactIfAny().ifPresent(m -> out.println("model      " + m));
    }
}
