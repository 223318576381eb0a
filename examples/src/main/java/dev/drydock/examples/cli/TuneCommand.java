package dev.drydock.examples.cli;

import dev.drydock.core.Drydock;
import dev.drydock.core.ImageSource;
import dev.drydock.core.TrainedModel;
import dev.drydock.core.TrainingRequest;
import dev.drydock.core.TuningJob;
import dev.drydock.core.TuningListener;
import dev.drydock.core.TuningRequest;
import dev.drydock.core.tuning.ScalingType;
import dev.drydock.core.tuning.TrialSummary;
import dev.drydock.core.tuning.TuningJobDescription;
import dev.drydock.core.tuning.TuningStrategy;
import dev.drydock.examples.houseprices.BundledData;
import dev.drydock.examples.houseprices.HousePricesJob;
import dev.drydock.examples.houseprices.HousePricesOptions;
import dev.drydock.examples.houseprices.HousePricesResult;
import dev.drydock.examples.houseprices.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code drydock tune}: tuning across training jobs (SageMaker Automatic Model Tuning's semantics) for the house-prices
 * trainer: each trial is one training job with fixed hyperparameters, scored by its {@code cv_rmsle} metric line; the
 * best trial's model predicts test.csv, as {@code train} does.
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Tune the house-prices trainer across training jobs: learning_rate, max_depth and min_child_weight,"
                + " minimising cv_rmsle; then predict test.csv with the best trial's model."})
final class TuneCommand extends BackendCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "Folder with train.csv and test.csv (default: the bundled data).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "Where submission.csv goes (default: the --home folder).")
    Path out;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "Bayesian",
            description = "Bayesian (default), Random or Hyperband.")
    String strategy;

    @Option(names = "--max-trials", paramLabel = "N", defaultValue = "8", description = "Training jobs in all (default: ${DEFAULT-VALUE}).")
    int maxTrials;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "2", description = "Training jobs at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "The tuner's random seed (default: ${DEFAULT-VALUE}).")
    int seed;

    @Option(names = "--quick", description = "Small trials (what CI runs): 3 folds, 300 trees.")
    boolean quick;

    @Option(names = "--image", paramLabel = "REF", defaultValue = "drydock/trainer:latest", description = "Training image.")
    String image;

    @Option(names = "--tuning-job-name", paramLabel = "NAME",
            description = "Exact tuning job name, at most 32 characters; the same name and settings again resume it.")
    String name;

    @Override
    public Integer call() {
        Path home = backend.home();
        Path bundled = null;
        PrintStream out = System.out;
        try (Drydock drydock = backend.open()) {
            Path dataDir = data != null ? data.toAbsolutePath() : (bundled = BundledData.extractToTemporaryFolder());
            HousePricesOptions options = new HousePricesOptions(dataDir, this.out == null ? home : this.out.toAbsolutePath(),
                    ImageSource.existing(image), null, Map.of(), Duration.ofHours(2));
            TuningJob job = drydock.tune(request(options), new TrialTable(out));
            TuningJobDescription done = job.await(Duration.ofHours(12));
            out.printf("tuning job %s %s (%s): %d trials, %d stopped early%n", done.name(), done.status().wireName(),
                    done.endReason(), done.trials().size(), done.earlyStoppedCount());
            out.printf("tuning report: %s%n", job.writeReport());
            TrialSummary best = done.bestTrial().orElseThrow(() -> new IllegalStateException("no trial reported cv_rmsle: "
                    + done.failureReasonIfAny().orElse("see drydock logs <trial>")));
            out.printf("best trial %s: cv_rmsle %.5f with %s%n", best.name(), best.objective(), best.tunedHyperparameters());
            TrainedModel model = job.bestModel();
            HousePricesResult result = new HousePricesJob(drydock).predictWith(options, model);
            out.println(Summary.of(result));
        } finally {
            BundledData.deleteTemporaryFolder(bundled);
        }
        return 0;
    }

    private TuningRequest request(HousePricesOptions options) {
        Map<String, String> statics = new LinkedHashMap<>();
        // One configuration per training job: the tuning happens across jobs, not inside one.
        statics.put("strategy", "grid");
        statics.put("max_trials", "1");
        statics.put("folds", quick ? "3" : "5");
        statics.put("n_estimators", quick ? "300" : "1000");
        // Each trial gets its share of the cores: trials that each used every core would only take turns.
        statics.put("threads", String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors() / parallel)));
        statics.put("input_sources", "training=" + options.trainCsv());
        TrainingRequest training = TrainingRequest.builder().image(options.image()).baseJobName("house-prices")
                .input("training", options.trainCsv(), "text/csv")
                .spec(spec -> {
                    statics.forEach(spec::hyperparameter);
                    HousePricesJob.METRICS.forEach(spec::metric);
                    spec.maxRuntime(options.timeout());
                }).build();
        TuningStrategy chosen = TuningStrategy.fromWireName(strategy.substring(0, 1).toUpperCase(Locale.ROOT)
                + strategy.substring(1).toLowerCase(Locale.ROOT));
        return TuningRequest.builder().training(training).tuning(t -> {
            if (name != null) {
                t.name(name);
            }
            t.strategy(chosen).minimize("cv_rmsle")
                    .continuous("learning_rate", 0.01, 0.3, ScalingType.LOGARITHMIC)
                    .integer("max_depth", 2, 6, ScalingType.LINEAR)
                    .continuous("min_child_weight", 1, 10, ScalingType.LOGARITHMIC)
                    .maxTrainingJobs(maxTrials).maxParallelTrainingJobs(parallel).randomSeed(seed);
            if (chosen == TuningStrategy.HYPERBAND) {
                t.hyperband(1, 3);
            }
        }).build();
    }

    /** The live table: one line per trial event, with the best so far. */
    private static final class TrialTable implements TuningListener {
        private final PrintStream out;
        private Double best;

        TrialTable(PrintStream out) {
            this.out = out;
            out.printf("%-32s %-10s %-12s %s%n", "trial", "state", "cv_rmsle", "hyperparameters");
        }

        @Override
        public synchronized void onTrialStarted(TrialSummary trial) {
            out.printf("%-32s %-10s %-12s %s%n", trial.name(), "started", "", trial.tunedHyperparameters());
        }

        @Override
        public synchronized void onTrialEnded(TrialSummary trial, TuningJobDescription job) {
            if (trial.objective() != null && (best == null || trial.objective() < best)) {
                best = trial.objective();
            }
            out.printf("%-32s %-10s %-12s best so far %s%s%n", trial.name(), trial.state().wireName(),
                    trial.objective() == null ? "-" : String.format(Locale.ROOT, "%.5f", trial.objective()),
                    best == null ? "-" : String.format(Locale.ROOT, "%.5f", best), trial.earlyStopped() ? " (stopped early)" : "");
        }
    }
}
