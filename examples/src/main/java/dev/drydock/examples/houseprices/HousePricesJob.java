package dev.drydock.examples.houseprices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.contract.MetricLine;
import dev.drydock.core.Drydock;
import dev.drydock.core.JobListener;
import dev.drydock.core.TrainedModel;
import dev.drydock.core.TrainingJob;
import dev.drydock.core.TrainingRequest;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.error.Violations;
import dev.drydock.trainer.predict.Predictor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * The house-prices example, end to end on whichever backend {@link Drydock} was built for: upload
 * {@code train.csv}, tune XGBoost in the training image, collect and extract {@code model.tar.gz}, predict
 * {@code test.csv} into {@code submission.csv}.
 */
public final class HousePricesJob {
    /**
     * The metric definitions: the same regexes find the trainer's metric lines locally and on SageMaker. They come
     * from the contract module, anchored, so that {@code best_cv_rmsle=} in the progress lines is not taken too.
     */
    public static final Map<String, String> METRICS = Map.of(
            "cv_rmsle", MetricLine.regexFor("cv_rmsle"),
            "holdout_rmsle", MetricLine.regexFor("holdout_rmsle"));

    /**
     * The house-specific feature engineering the trainer itself stays generic about: totals of areas, baths and
     * porches, the age of the house and of its remodel, and rare neighbourhood-like levels merged. A hyperparameter
     * of the same name given by the user wins.
     */
    public static final Map<String, String> FEATURES = Map.of(
            "sum_features", "TotalSF:TotalBsmtSF+1stFlrSF+2ndFlrSF,TotalBath:FullBath+HalfBath+BsmtFullBath+BsmtHalfBath,"
                    + "TotalPorch:OpenPorchSF+EnclosedPorch+3SsnPorch+ScreenPorch+WoodDeckSF",
            "age_features", "HouseAge:YrSold-YearBuilt,RemodAge:YrSold-YearRemodAdd",
            "min_level_count", "10");

    private final Drydock drydock;

    /** The job on {@code drydock}'s backend. */
    public HousePricesJob(Drydock drydock) {
        this.drydock = drydock;
    }

    /** How long past its runtime limit a job may take to stop (SageMaker's 120 s grace) and publish its model. */
    static final Duration STOP_ALLOWANCE = Duration.ofMinutes(3);

    /**
     * Runs the job and writes the submission. The job runs at most {@code options.timeout()}: then the backend stops
     * it and the model the trainer saved is used.
     *
     * @throws InvalidInputException                       when the data folder lacks train.csv or test.csv
     * @throws dev.drydock.core.error.JobFailedException  when the training job failed
     * @throws dev.drydock.core.error.JobStoppedException when it was stopped before the trainer saved a model
     * @throws dev.drydock.core.error.JobTimeoutException when it did not even stop within the timeout and
     *                                                    {@link #STOP_ALLOWANCE}
     */
    public HousePricesResult run(HousePricesOptions options, JobListener listener) {
        checkData(options);
        TrainingRequest.Builder request = TrainingRequest.builder()
                .image(options.image())
                .baseJobName("house-prices")
                .input("training", options.trainCsv(), "text/csv")
                .spec(spec -> {
                    FEATURES.forEach((name, value) -> {
                        if (!options.hyperparameters().containsKey(name)) {
                            spec.hyperparameter(name, value);
                        }
                    });
                    options.hyperparameters().forEach(spec::hyperparameter);
                    // The trainer sees only its staged copy: this lets its data errors name the user's own file.
                    if (!options.hyperparameters().containsKey("input_sources")) {
                        spec.hyperparameter("input_sources", "training=" + options.trainCsv().toAbsolutePath());
                    }
                    METRICS.forEach(spec::metric);
                    // The timeout is the job's own limit, as MaxRuntimeInSeconds on SageMaker: the backend stops the job
                    // (SIGTERM, the trainer saves its best model so far) rather than this program walking away from it.
                    spec.maxRuntime(options.timeout());
                    if (options.spot()) {
                        spec.useSpotInstances(true).stoppingCondition(
                                new dev.drydock.core.model.StoppingCondition(options.timeout(), options.spotMaxWait()));
                    }
                    if (options.checkpoints() != null) {
                        spec.checkpoint(dev.drydock.core.model.CheckpointConfig.of(options.checkpoints()));
                    }
                    spec.resources(dev.drydock.core.model.Resources.of(dev.drydock.core.model.Resources.DEFAULT_INSTANCE_TYPE,
                            options.instanceCount()));
                    spec.tag("drydock:example", "house-prices");
                });
        if (options.jobName() != null) {
            request.jobName(options.jobName());
        }
        TrainingJob job = drydock.submit(request.build(), listener);
        // Past the limit the job takes its grace period to stop and publish what it saved: wait for that too.
        job.await(options.wholeRun().plus(STOP_ALLOWANCE));
        TrainedModel model = job.trainedModel();
        return predict(options, model);
    }

    /** Predicts {@code options.testCsv()} with an already trained {@code model} (the best trial of a tuning job). */
    public HousePricesResult predictWith(HousePricesOptions options, TrainedModel model) {
        checkData(options);
        return predict(options, model);
    }

    private HousePricesResult predict(HousePricesOptions options, TrainedModel model) {
        Path submission = options.outputDirectory().resolve("submission.csv");
        int rows;
        try {
            Files.createDirectories(options.outputDirectory());
            try (Predictor predictor = Predictor.load(model.modelDirectory())) {
                rows = predictor.writeSubmission(options.testCsv(), submission);
            }
        } catch (IOException e) {
            throw new StorageIoException("could not write " + submission + ": " + e.getMessage()
                    + "; check that the output folder is writable", e);
        }
        JsonNode metrics = readMetrics(model.modelDirectory().resolve("metrics.json"));
        Map<String, String> best = new LinkedHashMap<>();
        metrics.path("best_params").fields().forEachRemaining(e -> best.put(e.getKey(), text(e.getValue())));
        return new HousePricesResult(model, submission, rows, number(metrics, "cv_rmsle"), number(metrics, "holdout_rmsle"),
                best, findReport(model));
    }

    private static void checkData(HousePricesOptions options) {
        Violations v = new Violations();
        v.check(Files.isRegularFile(options.trainCsv()), "data", options.trainCsv(),
                "must exist: point --data at a folder with the Kaggle House Prices train.csv and test.csv");
        v.check(Files.isRegularFile(options.testCsv()), "data", options.testCsv(),
                "must exist: point --data at a folder with the Kaggle House Prices train.csv and test.csv");
        v.throwIfAny();
    }

    private static JsonNode readMetrics(Path file) {
        if (!Files.isRegularFile(file)) {
            return new ObjectMapper().createObjectNode();
        }
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    /** A parameter's value as a person writes it: {@code 89}, not {@code 89.0}. */
    private static String text(JsonNode value) {
        if (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()) && Math.abs(value.asDouble()) < 1e15) {
            return Long.toString((long) value.asDouble());
        }
        return value.asText();
    }

    private static OptionalDouble number(JsonNode metrics, String field) {
        JsonNode n = metrics.path(field);
        return n.isNumber() ? OptionalDouble.of(n.asDouble()) : OptionalDouble.empty();
    }

    private static Path findReport(TrainedModel model) {
        for (Path dir : new Path[] {model.outputDirectory(), model.modelDirectory()}) {
            if (dir == null || !Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                Path found = files.filter(p -> p.getFileName().toString().endsWith(".html")).findFirst().orElse(null);
                if (found != null) {
                    return found;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }
}
