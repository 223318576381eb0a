package dev.drydock.examples.cli;

import dev.drydock.core.Drydock;
import dev.drydock.core.ImageSource;
import dev.drydock.core.JobListener;
import dev.drydock.core.error.Violations;
import dev.drydock.trainer.HyperparameterCheck;
import dev.drydock.examples.houseprices.BundledData;
import dev.drydock.examples.houseprices.HousePricesJob;
import dev.drydock.examples.houseprices.HousePricesOptions;
import dev.drydock.examples.houseprices.HousePricesResult;
import dev.drydock.examples.houseprices.Summary;
import dev.drydock.examples.progress.ProgressDisplay;
import dev.drydock.examples.progress.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code drydock train}: the house-prices example end to end. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Tune an XGBoost house-price model in a training job, collect the model and predict test.csv.",
                "Runs on the local backend by default (a child process; no Docker needed)."})
final class TrainCommand extends BackendCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with train.csv and test.csv (default: the House Prices data shipped with drydock).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "Where submission.csv goes (default: the --home folder).")
    Path out;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "halving",
            description = "Tuning strategy: halving (fast, the default), grid (every configuration) or random.")
    String strategy;

    @Option(names = "--max-trials", paramLabel = "N", description = "Stop tuning after N configurations.")
    Integer maxTrials;

    @Option(names = "--quick", description = "A small, fast search (what CI runs): 2 folds, few configurations.")
    boolean quick;

    @Option(names = "--hyperparameter", paramLabel = "NAME=VALUE",
            description = "Any trainer hyperparameter, e.g. --hyperparameter max_depth=[3,4]. Repeatable.")
    Map<String, String> hyperparameters = new LinkedHashMap<>();

    @Option(names = "--image", paramLabel = "REF", defaultValue = "drydock/trainer:latest",
            description = "Training image (docker and sagemaker backends; default: ${DEFAULT-VALUE}).")
    String image;

    @Option(names = "--job-name", paramLabel = "NAME", description = "Exact job name (default: house-prices-<timestamp>).")
    String jobName;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2h", converter = DurationConverter.class,
            description = "The job's maximum runtime, such as 90s, 10m, 2h or PT2H (default: ${DEFAULT-VALUE}); the job is"
                    + " stopped when it is reached, keeping what the trainer saved.")
    Duration timeout;

    @Option(names = "--instance-count", paramLabel = "N", defaultValue = "1",
            description = {"Hosts that run the job (default: ${DEFAULT-VALUE}), on every backend: child processes reaching"
                    + " each other on 127.0.0.1, Docker containers on the job's network as algo-1..algo-N, or SageMaker"
                    + " instances. The trainer shares the work by --hyperparameter distribution=trials|rows|auto;"
                    + " only algo-1 writes the model."})
    int instanceCount;

    @Option(names = "--no-logs", description = "Hide the container's log lines (the progress bar stays).")
    boolean noLogs;


    @Override
    public Integer call() {
        Path home = backend.home();
        Path dataDir = data != null ? data.toAbsolutePath() : null;
        Map<String, String> hp = new LinkedHashMap<>();
        hp.put("strategy", strategy);
        if (quick) {
            hp.putAll(QuickSearch.HYPERPARAMETERS);
        }
        if (maxTrials != null) {
            hp.put("max_trials", String.valueOf(maxTrials));
        }
        hp.putAll(hyperparameters);
        // Everything the job would trip on, checked before any upload or job folder (the trainer's own rules).
        Violations v = new Violations();
        // The value shown is what the user typed (NAME=VALUE ...), not the map with the command's own defaults.
        HyperparameterCheck.problem(hp).ifPresent(p -> v.add("--hyperparameter", typed(hyperparameters), p));
        v.check(instanceCount >= 1, "--instance-count", instanceCount, "must be at least 1");
        WritableFolder.check("--home", home, v);
        WritableFolder.check("--out", out == null ? home : out.toAbsolutePath(), v);
        v.throwIfAny();
        Terminal terminal = Terminal.detect();
        Path bundled = null;
        // The backend's settings are checked (by opening it) before anything is written; the bundled data goes to a
        // temporary folder, not under --home, so that a job refused later (an image that is not there) leaves --home
        // as it was.
        try (Drydock drydock = backend.open(); StopOnInterrupt onInterrupt = StopOnInterrupt.install(drydock, terminal.out())) {
            if (dataDir == null) {
                bundled = BundledData.extractToTemporaryFolder();
                dataDir = bundled;
            }
            HousePricesOptions options = new HousePricesOptions(dataDir, out == null ? home : out.toAbsolutePath(),
                    ImageSource.existing(image), jobName, hp, timeout, instanceCount);
            HousePricesResult result = new HousePricesJob(drydock).run(options,
                    JobListener.all(onInterrupt.listener(), new ProgressDisplay(terminal, !noLogs)));
            terminal.out().println();
            terminal.out().println(Summary.of(result));
        } finally {
            BundledData.deleteTemporaryFolder(bundled);
        }
        return 0;
    }

    private static String typed(Map<String, String> hyperparameters) {
        return hyperparameters.isEmpty() ? "(none given: the command's defaults)" : hyperparameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
