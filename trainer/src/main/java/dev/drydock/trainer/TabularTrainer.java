package dev.drydock.trainer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drydock.contract.MetricLine;
import dev.drydock.contract.StopSignal;
import dev.drydock.contract.TrainingEnvironment;
import dev.drydock.contract.TrainingException;
import dev.drydock.contract.TrainingProgram;
import dev.drydock.trainer.data.CsvTables;
import dev.drydock.trainer.data.SourceNames;
import dev.drydock.trainer.data.Table;
import dev.drydock.trainer.distributed.Distribution;
import dev.drydock.trainer.distributed.JobSharing;
import dev.drydock.trainer.output.ModelFiles;
import dev.drydock.trainer.output.Provenance;
import dev.drydock.trainer.output.TrialsCsv;
import dev.drydock.trainer.output.TuningReport;
import dev.drydock.trainer.preprocess.PreprocessOptions;
import dev.drydock.trainer.preprocess.Preprocessor;
import dev.drydock.trainer.tuning.CvData;
import dev.drydock.trainer.tuning.Dataset;
import dev.drydock.trainer.tuning.Folds;
import dev.drydock.trainer.tuning.Trial;
import dev.drydock.trainer.tuning.Tuner;
import dev.drydock.trainer.tuning.TuningOptions;
import dev.drydock.trainer.tuning.TuningResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The training program of the drydock image: tunes an XGBoost regressor on the CSV channel {@code training}
 * (or {@code train}) by cross-validated RMSLE and writes the best model, its preprocessing, metrics and
 * provenance to the model folder, and the trials and an HTML tuning report to the output data folder.
 *
 * <p>Hold-out: the {@code validation} channel when present; else the ids named by {@code holdout_ids}; else a
 * seeded {@code holdout_fraction} of the rows. The final model is fitted on the other rows and scored once on the
 * hold-out. Hyperparameters: see {@link TrainerConfig}.
 *
 * <p>Log lines (stdout): {@code cv_rmsle=X}, {@code holdout_rmsle=X} (see {@link MetricLine}) and, after every
 * trial, a {@link dev.drydock.contract.ProgressLine}.
 */
public final class TabularTrainer implements TrainingProgram {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Consumer<String> log;
    private final Map<String, String> environment;
    private final BiConsumer<Table, Preprocessor> fitObserver;

    /** A trainer that logs to stdout. */
    public TabularTrainer() {
        this(System.out::println);
    }

    /** @param log receives every log line */
    public TabularTrainer(Consumer<String> log) {
        this(log, System.getenv(), (rows, fitted) -> { });
    }

    /**
     * @param log receives every log line
     * @param fitObserver sees every table a preprocessing is fitted on (the folds' training rows, the rows the
     *     hold-out model is fitted on, and every row for the final model) with the preprocessing fitted on it: lets a
     *     test prove no step saw the rows it is scored on
     */
    public TabularTrainer(Consumer<String> log, BiConsumer<Table, Preprocessor> fitObserver) {
        this(log, System.getenv(), fitObserver);
    }

    /**
     * @param log receives every log line
     * @param environment the variables a backend sets (the tracker's endpoint on a local backend of several hosts)
     */
    public TabularTrainer(Consumer<String> log, Map<String, String> environment) {
        this(log, environment, (rows, fitted) -> { });
    }

    private TabularTrainer(Consumer<String> log, Map<String, String> environment, BiConsumer<Table, Preprocessor> fitObserver) {
        this.log = log;
        this.environment = Map.copyOf(environment);
        this.fitObserver = fitObserver;
    }

    @Override
    public void train(TrainingEnvironment env, StopSignal stop) throws IOException, XGBoostError {
        TrainerConfig config = TrainerConfig.from(env.hyperparameters());
        String channelName = env.optionalChannel("training").isPresent() || env.optionalChannel("train").isEmpty()
                ? "training" : "train";
        try (JobSharing sharing = JobSharing.start(env, channelName, environment, log)) {
            if (!sharing.cluster().isDistributed()) {
                trainWithHeapHint(env, stop, config, sharing, log);
                return;
            }
            try {
                trainWithHeapHint(env, stop, config, sharing, sharing.log(log));
            } catch (RuntimeException e) {
                // The job's failure reason is the first failing host's: say which host this is.
                String host = sharing.cluster().currentHost();
                throw e.getMessage() != null && e.getMessage().startsWith(host + ":") ? e
                        : new TrainingException(host + ": " + e.getMessage(), e);
            }
        }
    }

    private void trainWithHeapHint(TrainingEnvironment env, StopSignal stop, TrainerConfig config, JobSharing sharing,
            Consumer<String> log) throws IOException, XGBoostError {
        try {
            train(env, stop, config, sharing, log);
        } catch (OutOfMemoryError e) {
            // The heap is the usual limit on wide or long data: say how large it was and how to raise it.
            long mib = Runtime.getRuntime().maxMemory() >> 20;
            throw new TrainingException("the trainer ran out of Java heap (" + mib + " MiB): give it more with the"
                    + " hyperparameter java_heap (e.g. java_heap=" + Math.max(1, 2 * mib / 1024) + "g), or train on"
                    + " fewer rows, columns (max_levels) or rounds (n_estimators)", e);
        }
    }

    private void train(TrainingEnvironment env, StopSignal stop, TrainerConfig config, JobSharing sharing,
            Consumer<String> log) throws IOException, XGBoostError {
        if (!sharing.cluster().isDistributed() || sharing.mode() == Distribution.TRIALS) {
            // Every host has every row: preprocessing fitted inside each fold, the configurations shared over the
            // collective (trials), the hold-out scored, then the leader refits the model on every row.
            trainOnAllRows(env, stop, config, sharing, log);
            return;
        }
        // rows mode: one preprocessing agreed across the hosts, every fit distributed, the final fit on the training
        // rows of every host. The fold-wise preprocessing and the refit on the hold-out rows too are not done here
        // yet: across hosts they need the hold-out distributed as well.
        long start = System.nanoTime();
        Path trainingChannel = env.optionalChannel("training").or(() -> env.optionalChannel("train"))
                .orElseGet(() -> env.channel("training"));
        List<Path> trainingFiles = sharing.trainingFiles(trainingChannel);
        SourceNames names = SourceNames.of(env.dataDir(), config.inputSources());
        Table all = CsvTables.readFolder(trainingChannel, names);
        if (!all.has(config.target())) {
            throw new TrainingException("target column \"" + config.target() + "\" is missing from the training data;"
                    + " set the hyperparameter target to one of " + all.header());
        }
        List<Path> inputs = new ArrayList<>(trainingFiles);
        HoldoutSplit split = split(env, config, all, inputs, names);
        Table training = split.training();
        log.accept(String.format(Locale.ROOT, "jvm: max heap %d MiB, %d processors",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors()));
        log.accept(String.format(Locale.ROOT, "data: %d training rows, %d held out, %d columns", training.rowCount(),
                split.holdout() == null ? 0 : split.holdout().rowCount(), all.header().size()));

        Preprocessor pre = sharing.agree(Preprocessor.fit(training, new PreprocessOptions(config.target(),
                config.idColumn(), config.logTarget(), config.imputation(), config.maxLevels(), config.engineering())));
        JobSharing.Search search = sharing.forSearch(new Dataset(pre.features(training), pre.labels(training),
                pre.featureCount()), config.folds(), config.seed());
        Dataset data = search.data();
        double[] holdoutTarget = split.holdout() == null ? null : pre.rawTarget(split.holdout());
        log.accept("features: " + pre.featureCount() + " from " + pre.encoders().size() + " columns");

        double gammaScale = config.logTarget() ? gammaScale(pre.rawTarget(training)) : 1;
        TuningOptions options = tuningOptions(config, gammaScale);
        Tuner tuner = new Tuner(data, options, stop, log, search.hooks());
        TuningResult result = search(env, config, sharing, tuner, log);
        if (result == null) {
            return;
        }
        Trial best = result.best();

        Path modelDir = env.modelDir();
        Double holdoutRmsle = null;
        DMatrix matrix = data.toDMatrix();
        Booster booster = null;
        try {
            booster = XGBoost.train(matrix, tuner.nativeParams(best.params(), config.threads()), best.params().rounds(),
                    Map.of(), null, null);
            if (split.holdout() != null) {
                double[] predicted = predict(booster, pre, split.holdout());
                holdoutRmsle = sharing.holdoutRmsle(squaredLogErrors(holdoutTarget, predicted), holdoutTarget.length);
                log.accept(MetricLine.format("holdout_rmsle", holdoutRmsle));
            }
            if (!sharing.writesOutputs()) {
                log.accept("distributed: " + sharing.cluster().currentHost() + " took part in the final fit; the leader "
                        + sharing.cluster().leader() + " writes the model");
                return;
            }
            booster.saveModel(modelDir.resolve(ModelFiles.MODEL).toString());
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            matrix.dispose();
        }
        pre.save(modelDir.resolve(ModelFiles.PREPROCESSING));
        writeOutputs(env, config, sharing, result, holdoutRmsle, null, search.jobRows(),
                split.holdout() == null ? 0 : split.holdout().rowCount(), pre.featureCount(), gammaScale, start, inputs, log);
    }

    private void trainOnAllRows(TrainingEnvironment env, StopSignal stop, TrainerConfig config, JobSharing sharing,
            Consumer<String> log) throws IOException, XGBoostError {
        long start = System.nanoTime();
        Path trainingChannel = env.optionalChannel("training").or(() -> env.optionalChannel("train"))
                .orElseGet(() -> env.channel("training"));
        SourceNames names = SourceNames.of(env.dataDir(), config.inputSources());
        Table all = CsvTables.readFolder(trainingChannel, names);
        if (!all.has(config.target())) {
            throw new TrainingException("target column \"" + config.target() + "\" is missing from the training data;"
                    + " set the hyperparameter target to one of " + all.header());
        }
        List<Path> inputs = new ArrayList<>(csvFiles(trainingChannel));
        HoldoutSplit split = split(env, config, all, inputs, names);
        Table training = split.training();
        log.accept(String.format(Locale.ROOT, "jvm: max heap %d MiB, %d processors",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors()));
        log.accept(String.format(Locale.ROOT, "data: %d training rows, %d held out, %d columns", training.rowCount(),
                split.holdout() == null ? 0 : split.holdout().rowCount(), all.header().size()));

        PreprocessOptions preOptions = new PreprocessOptions(config.target(), config.idColumn(), config.logTarget(),
                config.imputation(), config.maxLevels(), config.engineering());
        // Cross-validation fits the preprocessing inside each fold, on that fold's training rows only: no level,
        // median or scale is learnt from the rows a fold is scored on.
        Folds folds = Tuner.split(training.rowCount(), tuningOptions(config, 1));
        CvData data = foldData(training, folds, preOptions);
        Preprocessor pre = fitPreprocessor(training, preOptions);
        double[] holdoutTarget = split.holdout() == null ? null : pre.rawTarget(split.holdout());
        log.accept("features: " + pre.featureCount() + " from " + pre.encoders().size() + " columns");

        double gammaScale = config.logTarget() ? gammaScale(pre.rawTarget(training)) : 1;
        TuningOptions options = tuningOptions(config, gammaScale);
        Tuner tuner = new Tuner(data, options, stop, log, sharing.trialHooks());
        TuningResult result = search(env, config, sharing, tuner, log);
        if (result == null) {
            return;
        }
        Trial best = result.best();

        Path modelDir = env.modelDir();
        Double holdoutRmsle = null;
        // Round counts were chosen for a fold's share of the rows; a fit on more rows gets proportionally more rounds
        // (each tree then fits a smaller share of the residual per row): rounds x rows / mean fold training rows.
        double foldRows = data.meanTrainingRows();
        if (split.holdout() != null) {
            int rounds = scaledRounds(best.params().rounds(), training.rowCount(), foldRows);
            Booster scored = fit(tuner, config, best, pre, training, rounds);
            try {
                holdoutRmsle = rmsle(holdoutTarget, predict(scored, pre, split.holdout()));
                log.accept(MetricLine.format("holdout_rmsle", holdoutRmsle));
            } finally {
                scored.dispose();
            }
        }
        // The model shipped is refit on every row once the configuration is chosen and the hold-out has been scored.
        Table everything = split.holdout() == null ? training : training.append(split.holdout());
        Preprocessor finalPre = split.holdout() == null ? pre : fitPreprocessor(everything, preOptions);
        int refitRounds = scaledRounds(best.params().rounds(), everything.rowCount(), foldRows);
        Booster booster = fit(tuner, config, best, finalPre, everything, refitRounds);
        try {
            booster.saveModel(modelDir.resolve(ModelFiles.MODEL).toString());
        } finally {
            booster.dispose();
        }
        log.accept(String.format(Locale.ROOT, "refit: %d rows, %d rounds (%d chosen on %.0f rows per fold)",
                everything.rowCount(), refitRounds, best.params().rounds(), foldRows));
        pre = finalPre;
        pre.save(modelDir.resolve(ModelFiles.PREPROCESSING));
        Refit refit = new Refit(everything.rowCount(), refitRounds, foldRows);
        writeOutputs(env, config, sharing, result, holdoutRmsle, refit, training.rowCount(),
                split.holdout() == null ? 0 : split.holdout().rowCount(), pre.featureCount(), gammaScale, start, inputs, log);
    }

    /** The final fit's size: rows, rounds, and the mean fold training rows the round count was chosen on. */
    private record Refit(int rows, int rounds, double foldRows) {
    }

    /** @return {@code rounds} scaled by {@code rows / foldRows}, at least 1 */
    static int scaledRounds(int rounds, int rows, double foldRows) {
        return Math.max(1, (int) Math.round(rounds * rows / foldRows));
    }

    private Preprocessor fitPreprocessor(Table rows, PreprocessOptions options) {
        Preprocessor fitted = Preprocessor.fit(rows, options);
        fitObserver.accept(rows, fitted);
        return fitted;
    }

    private CvData foldData(Table training, Folds folds, PreprocessOptions options) {
        List<Dataset> train = new ArrayList<>();
        List<Dataset> valid = new ArrayList<>();
        for (int f = 0; f < folds.count(); f++) {
            Table fit = training.select(folds.training(f));
            Table scored = training.select(folds.validation(f));
            Preprocessor foldPre = fitPreprocessor(fit, options);
            train.add(new Dataset(foldPre.features(fit), foldPre.labels(fit), foldPre.featureCount()));
            valid.add(new Dataset(foldPre.features(scored), foldPre.labels(scored), foldPre.featureCount()));
        }
        return new CvData(folds, train, valid);
    }

    private static Booster fit(Tuner tuner, TrainerConfig config, Trial best, Preprocessor pre, Table rows, int rounds)
            throws XGBoostError {
        DMatrix matrix = new Dataset(pre.features(rows), pre.labels(rows), pre.featureCount()).toDMatrix();
        try {
            return XGBoost.train(matrix, tuner.nativeParams(best.params(), config.threads()), rounds, Map.of(), null, null);
        } finally {
            matrix.dispose();
        }
    }

    /**
     * Writes what the leader (or the only host) leaves beside the model: metrics, provenance, the trials and the
     * report; the model and its preprocessing are written already.
     *
     * @param refit the final fit's size, or {@code null} when the model was fit on the training rows only
     */
    private static void writeOutputs(TrainingEnvironment env, TrainerConfig config, JobSharing sharing,
            TuningResult result, Double holdoutRmsle, Refit refit, int trainingRows, int holdoutRows, int features,
            double gammaScale, long start, List<Path> inputs, Consumer<String> log) throws IOException {
        Path modelDir = env.modelDir();
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> metrics = metrics(config, result, holdoutRmsle, refit, trainingRows, holdoutRows, features,
                gammaScale, totalSeconds);
        JSON.writeValue(modelDir.resolve(ModelFiles.METRICS).toFile(), metrics);
        Provenance provenance = Provenance.of(config.seed(), env.jobName().orElse(null),
                env.hyperparameters().asMap(), env.dataDir(), inputs);
        JSON.writeValue(modelDir.resolve(ModelFiles.PROVENANCE).toFile(), provenance);

        Path outputDir = env.outputDataDir();
        TrialsCsv.write(outputDir.resolve(ModelFiles.TRIALS_CSV), result.trials());
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("strategy", config.strategy().label());
        summary.put("trials", result.trials().size() + " of " + result.planned() + (result.stopped() ? " (stopped)" : ""));
        summary.put("best CV RMSLE", String.format(Locale.ROOT, "%.5f", result.best().cvRmsle()));
        summary.put("hold-out RMSLE", holdoutRmsle == null ? "no hold-out" : String.format(Locale.ROOT, "%.5f", holdoutRmsle));
        summary.put("tuning time", String.format(Locale.ROOT, "%.1f s", result.seconds()));
        summary.put("rows / features", trainingRows + " / " + features);
        if (sharing.cluster().isDistributed()) {
            summary.put("hosts", sharing.cluster().size() + ", distribution=" + sharing.mode().label());
        }
        TuningReport.write(outputDir.resolve(ModelFiles.REPORT_HTML), result, summary);
        log.accept(String.format(Locale.ROOT, "done in %.1f s: model in %s", totalSeconds, modelDir));
    }

    private static TuningOptions tuningOptions(TrainerConfig config, double gammaScale) {
        return new TuningOptions(config.strategy(), config.folds(), config.seed(), config.samples(), config.maxTrials(),
                config.earlyStoppingRounds(), config.threads(), gammaScale, config.treeMethod(),
                config.logTarget() ? "rmse" : "rmsle");
    }

    /**
     * Runs the search (from the checkpoints on one host) and logs its best configuration.
     *
     * @return the result, or {@code null} on a host of several that leaves the final fit to the leader
     */
    private static TuningResult search(TrainingEnvironment env, TrainerConfig config, JobSharing sharing, Tuner tuner,
            Consumer<String> log) {
        // Only one host resumes from checkpoints: on several, a host that took a fit from its cache would skip an
        // exchange the others make.
        if (!sharing.cluster().isDistributed() && Files.isDirectory(env.checkpointDir())) {
            // SageMaker (and drydock's local backends) sync this folder with the job's checkpoint location: a job
            // restarted on it (a spot interruption, a rerun after a stop) takes the fits it already made.
            tuner.checkpointIn(env.checkpointDir().resolve("search"));
        }
        TuningResult result = tuner.tune(config.space());
        if (tuner.checkpoint().enabled()) {
            log.accept("checkpoint: " + tuner.checkpoint().reused() + " fits taken from " + env.checkpointDir()
                    + ", " + tuner.checkpoint().stored() + " fits saved there");
        }
        if (!sharing.afterSearch()) {
            log.accept("distributed: " + sharing.cluster().currentHost() + " finished its share of the search; the leader "
                    + sharing.cluster().leader() + " fits and writes the model");
            return null;
        }
        Trial best = result.best();
        log.accept("best: " + best.params() + " cv_rmsle=" + String.format(Locale.ROOT, "%.6f", best.cvRmsle()));
        log.accept(MetricLine.format("cv_rmsle", best.cvRmsle()));
        return result;
    }

    private HoldoutSplit split(TrainingEnvironment env, TrainerConfig config, Table all, List<Path> inputs,
            SourceNames names) throws IOException {
        var validation = env.optionalChannel("validation");
        if (validation.isPresent()) {
            inputs.addAll(csvFiles(validation.get()));
            return new HoldoutSplit(all, CsvTables.readFolder(validation.get(), names));
        }
        if (config.holdoutIds().isPresent()) {
            Path file = env.dataDir().resolve(config.holdoutIds().get()).normalize();
            if (!file.startsWith(env.dataDir()) || !Files.isRegularFile(file)) {
                throw new TrainingException("holdout_ids=\"" + config.holdoutIds().get() + "\" names no file: expected"
                        + " CHANNEL/FILE under " + env.dataDir());
            }
            inputs.add(file);
            Set<String> ids = new LinkedHashSet<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    ids.add(line.trim());
                }
            }
            return HoldoutSplit.byIds(all, config.idColumn(), ids, file.toString());
        }
        return HoldoutSplit.seeded(all, config.holdoutFraction(), config.seed());
    }

    private static List<Path> csvFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
    }

    /**
     * @param booster a fitted booster
     * @param pre its preprocessing
     * @param rows rows to predict
     * @return predictions in target units
     */
    static double[] predict(Booster booster, Preprocessor pre, Table rows) throws XGBoostError {
        float[] x = pre.features(rows);
        float[][] raw = booster.inplace_predict(x, rows.rowCount(), pre.featureCount(), Float.NaN);
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = pre.toTarget(raw[i][0]);
        }
        return out;
    }

    /**
     * @param actual true values, positive
     * @param predicted predictions; values below 1 count as 1 so that the log exists
     * @return sqrt(mean((log actual - log predicted)^2))
     */
    static double rmsle(double[] actual, double[] predicted) {
        return Math.sqrt(squaredLogErrors(actual, predicted) / actual.length);
    }

    /** The sum of (log actual - log predicted)^2, predictions below 1e-9 counting as 1e-9. */
    static double squaredLogErrors(double[] actual, double[] predicted) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = Math.log(actual[i]) - Math.log(Math.max(1e-9, predicted[i]));
            sum += d * d;
        }
        return sum;
    }

    /** var(log y) / var(y): converts gamma from raw-target loss units to log-target ones. */
    static double gammaScale(double[] y) {
        double[] logs = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            logs[i] = Math.log(y[i]);
        }
        double raw = variance(y);
        return raw == 0 ? 1 : variance(logs) / raw;
    }

    private static double variance(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double sum = 0;
        for (double x : v) {
            sum += (x - mean) * (x - mean);
        }
        return sum / v.length;
    }

    private static Map<String, Object> metrics(TrainerConfig config, TuningResult result, Double holdoutRmsle,
            Refit refit, int trainingRows, int holdoutRows, int features, double gammaScale, double totalSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cv_rmsle", result.best().cvRmsle());
        m.put("holdout_rmsle", holdoutRmsle);
        m.put("strategy", config.strategy().label());
        m.put("best_params", result.best().params().byName());
        m.put("training_rows", trainingRows);
        m.put("holdout_rows", holdoutRows);
        if (refit != null) {
            m.put("refit_rows", refit.rows());
            m.put("refit_rounds", refit.rounds());
            m.put("cv_fold_training_rows", refit.foldRows());
        }
        m.put("features", features);
        m.put("folds", config.folds());
        m.put("seed", config.seed());
        m.put("log_target", config.logTarget());
        m.put("gamma_scale", gammaScale);
        m.put("planned_trials", result.planned());
        m.put("stopped", result.stopped());
        m.put("tuning_seconds", result.seconds());
        m.put("total_seconds", totalSeconds);
        List<Map<String, Object>> trials = new ArrayList<>();
        for (Trial t : result.trials()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", t.number());
            row.put("cv_rmsle", t.cvRmsle());
            row.put("rung", t.rung());
            row.put("seconds", t.seconds());
            row.put("elapsed_s", t.elapsedSeconds());
            row.put("params", t.params().byName());
            trials.add(row);
        }
        m.put("trials", trials);
        return m;
    }
}
