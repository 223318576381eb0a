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
import dev.drydock.trainer.objective.ClassWeights;
import dev.drydock.trainer.objective.Direction;
import dev.drydock.trainer.objective.EvalMetric;
import dev.drydock.trainer.objective.ObjectiveOptions;
import dev.drydock.trainer.objective.Task;
import dev.drydock.trainer.objective.Predictions;
import dev.drydock.trainer.output.ModelFiles;
import dev.drydock.trainer.output.ModelReport;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The training program of the drydock image: tunes an XGBoost model on the CSV channel {@code training}
 * (or {@code train}) by a cross-validated metric (RMSLE of a log-target regression by default; see
 * {@link ObjectiveOptions} for the objectives and metrics) and writes the best model, its preprocessing, metrics and
 * provenance to the model folder, and the trials and an HTML tuning report to the output data folder.
 *
 * <p>Hold-out: the {@code validation} channel when present; else the ids named by {@code holdout_ids}; else a
 * seeded {@code holdout_fraction} of the rows. The final model is fitted on the other rows and scored once on the
 * hold-out. Hyperparameters: see {@link TrainerConfig}.
 *
 * <p>Log lines (stdout): {@code cv_METRIC=X}, {@code holdout_METRIC=X} ({@code cv_rmsle} by default; see
 * {@link MetricLine}) and, after every
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

        if (config.objective().xgboostMetric(1).isEmpty()) {
            // Checked before any exchange, so that every host fails alike.
            throw new TrainingException("hyperparameter eval_metric=" + config.objective().metric().label() + " is"
                    + " computed from predictions, which distribution=rows does not share between hosts; use"
                    + " distribution=trials, or a metric XGBoost computes across hosts (" + nativeMetrics(config) + ")");
        }
        Task task = sharing.agree(Task.fit(config.objective(), levelRows(config, split), config.target(), config.idColumn()));
        Preprocessor pre = sharing.agree(Preprocessor.fit(training, new PreprocessOptions(config.target(),
                config.idColumn(), config.logTarget(), config.imputation(), config.maxLevels(), config.engineering())));
        float[] labels = task.labels(training, pre);
        JobSharing.Search search = sharing.forSearch(new Dataset(pre.features(training), labels, pre.featureCount(),
                task.weights(labels)), config.folds(), config.seed());
        Dataset data = search.data();
        log.accept("features: " + pre.featureCount() + " from " + pre.encoders().size() + " columns");

        double gammaScale = config.logTarget() ? gammaScale(pre.rawTarget(training)) : 1;
        TuningOptions options = tuningOptions(config, task, gammaScale);
        Tuner tuner = new Tuner(data, options, stop, log, search.hooks());
        TuningResult result = search(env, config, sharing, tuner, log);
        if (result == null) {
            return;
        }
        Trial best = result.best();

        Path modelDir = env.modelDir();
        Double holdoutScore = null;
        Optional<Predictions> holdout = Optional.empty();
        Map<String, Double> importance;
        DMatrix matrix = data.toDMatrix();
        Booster booster = null;
        try {
            booster = XGBoost.train(matrix, tuner.nativeParams(best.params(), config.threads()), best.params().rounds(),
                    Map.of(), null, null);
            if (split.holdout() != null) {
                holdout = Optional.of(sharing.holdout(task.predictions(task.actual(split.holdout(), pre),
                        output(booster, pre, split.holdout()))));
                holdoutScore = task.score(holdout.get());
                log.accept(MetricLine.format("holdout_" + task.name(), holdoutScore));
            }
            if (!sharing.writesOutputs()) {
                log.accept("distributed: " + sharing.cluster().currentHost() + " took part in the final fit; the leader "
                        + sharing.cluster().leader() + " writes the model");
                return;
            }
            booster.saveModel(modelDir.resolve(ModelFiles.MODEL).toString());
            importance = gainImportance(booster, pre);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            matrix.dispose();
        }
        pre.save(modelDir.resolve(ModelFiles.PREPROCESSING));
        task.save(modelDir.resolve(ModelFiles.OBJECTIVE));
        writeOutputs(env, config, new ModelReport(task, importance, holdout), sharing, result, holdoutScore, null,
                search.jobRows(),
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
        // A classifier's levels come from every row, the hold-out's too: a rare class that only the hold-out or a fold's
        // validation rows hold still has its index (the set of classes says nothing of the rows to be scored).
        Task task = Task.fit(config.objective(), levelRows(config, split), config.target(), config.idColumn());
        Folds folds = Tuner.split(training.rowCount(), tuningOptions(config, task, 1));
        CvData data = foldData(training, folds, preOptions, task);
        Preprocessor pre = fitPreprocessor(training, preOptions);
        log.accept("features: " + pre.featureCount() + " from " + pre.encoders().size() + " columns");

        double gammaScale = config.logTarget() ? gammaScale(pre.rawTarget(training)) : 1;
        TuningOptions options = tuningOptions(config, task, gammaScale);
        Tuner tuner = new Tuner(data, options, stop, log, sharing.trialHooks());
        TuningResult result = search(env, config, sharing, tuner, log);
        if (result == null) {
            return;
        }
        Trial best = result.best();

        Path modelDir = env.modelDir();
        Double holdoutScore = null;
        Optional<Predictions> holdout = Optional.empty();
        // Round counts were chosen for a fold's share of the rows; a fit on more rows gets proportionally more rounds
        // (each tree then fits a smaller share of the residual per row): rounds x rows / mean fold training rows.
        double foldRows = data.meanTrainingRows();
        if (split.holdout() != null) {
            int rounds = scaledRounds(best.params().rounds(), training.rowCount(), foldRows);
            Booster scored = fit(tuner, config, task, best, pre, training, rounds);
            try {
                holdout = Optional.of(task.predictions(task.actual(split.holdout(), pre),
                        output(scored, pre, split.holdout())));
                holdoutScore = task.score(holdout.get());
                log.accept(MetricLine.format("holdout_" + task.name(), holdoutScore));
            } finally {
                scored.dispose();
            }
        }
        // The model shipped is refit on every row once the configuration is chosen and the hold-out has been scored.
        Table everything = split.holdout() == null ? training : training.append(split.holdout());
        Preprocessor finalPre = split.holdout() == null ? pre : fitPreprocessor(everything, preOptions);
        int refitRounds = scaledRounds(best.params().rounds(), everything.rowCount(), foldRows);
        Booster booster = fit(tuner, config, task, best, finalPre, everything, refitRounds);
        Map<String, Double> importance;
        try {
            booster.saveModel(modelDir.resolve(ModelFiles.MODEL).toString());
            importance = gainImportance(booster, finalPre);
        } finally {
            booster.dispose();
        }
        log.accept(String.format(Locale.ROOT, "refit: %d rows, %d rounds (%d chosen on %.0f rows per fold)",
                everything.rowCount(), refitRounds, best.params().rounds(), foldRows));
        pre = finalPre;
        pre.save(modelDir.resolve(ModelFiles.PREPROCESSING));
        task.save(modelDir.resolve(ModelFiles.OBJECTIVE));
        Refit refit = new Refit(everything.rowCount(), refitRounds, foldRows);
        writeOutputs(env, config, new ModelReport(task, importance, holdout), sharing, result, holdoutScore, refit,
                training.rowCount(),
                split.holdout() == null ? 0 : split.holdout().rowCount(), pre.featureCount(), gammaScale, start, inputs, log);
    }

    /** The rows a classifier's levels are read from: the training rows and the hold-out (regression: none needed). */
    private static Table levelRows(TrainerConfig config, HoldoutSplit split) {
        return !config.objective().objective().isClassifier() || split.holdout() == null ? split.training()
                : split.training().append(split.holdout());
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

    private CvData foldData(Table training, Folds folds, PreprocessOptions options, Task task) {
        List<Dataset> train = new ArrayList<>();
        List<Dataset> valid = new ArrayList<>();
        for (int f = 0; f < folds.count(); f++) {
            Table fit = training.select(folds.training(f));
            Table scored = training.select(folds.validation(f));
            Preprocessor foldPre = fitPreprocessor(fit, options);
            train.add(dataset(task, foldPre, fit));
            // Validation rows are scored unweighted: class weights shape the fit, not the metric.
            valid.add(new Dataset(foldPre.features(scored), task.labels(scored, foldPre), foldPre.featureCount()));
        }
        return new CvData(folds, train, valid);
    }

    /** The rows a model is fitted on: features, labels, and the class weights of these rows. */
    private static Dataset dataset(Task task, Preprocessor pre, Table rows) {
        float[] labels = task.labels(rows, pre);
        return new Dataset(pre.features(rows), labels, pre.featureCount(), task.weights(labels));
    }

    private static Booster fit(Tuner tuner, TrainerConfig config, Task task, Trial best, Preprocessor pre, Table rows,
            int rounds) throws XGBoostError {
        DMatrix matrix = dataset(task, pre, rows).toDMatrix();
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
    private static void writeOutputs(TrainingEnvironment env, TrainerConfig config, ModelReport model,
            JobSharing sharing, TuningResult result, Double holdoutScore, Refit refit, int trainingRows, int holdoutRows, int features,
            double gammaScale, long start, List<Path> inputs, Consumer<String> log) throws IOException {
        Path modelDir = env.modelDir();
        Task task = model.task();
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> metrics = metrics(config, task, result, holdoutScore, refit, trainingRows, holdoutRows,
                features, gammaScale, totalSeconds);
        JSON.writeValue(modelDir.resolve(ModelFiles.METRICS).toFile(), metrics);
        Provenance provenance = Provenance.of(config.seed(), env.jobName().orElse(null),
                env.hyperparameters().asMap(), env.dataDir(), inputs);
        JSON.writeValue(modelDir.resolve(ModelFiles.PROVENANCE).toFile(), provenance);

        Path outputDir = env.outputDataDir();
        TrialsCsv.write(outputDir.resolve(ModelFiles.TRIALS_CSV), result);
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("strategy", config.strategy().label());
        summary.put("trials", result.trials().size() + " of " + result.planned() + (result.stopped() ? " (stopped)" : ""));
        String metric = task.name().toUpperCase(Locale.ROOT);
        summary.put("objective", task.objective().nativeName() + (task.classes().isEmpty() ? ""
                : ", classes " + task.classes()));
        summary.put("best CV " + metric, String.format(Locale.ROOT, "%.5f", result.best().cvScore()) + " ("
                + task.direction().label() + ")");
        summary.put("hold-out " + metric, holdoutScore == null ? "no hold-out"
                : String.format(Locale.ROOT, "%.5f", holdoutScore));
        summary.put("tuning time", String.format(Locale.ROOT, "%.1f s", result.seconds()));
        summary.put("rows / features", trainingRows + " / " + features);
        if (sharing.cluster().isDistributed()) {
            summary.put("hosts", sharing.cluster().size() + ", distribution=" + sharing.mode().label());
        }
        TuningReport.write(outputDir.resolve(ModelFiles.REPORT_HTML), result, summary, model);
        log.accept(String.format(Locale.ROOT, "done in %.1f s: model in %s", totalSeconds, modelDir));
    }

    private static TuningOptions tuningOptions(TrainerConfig config, Task task, double gammaScale) {
        return new TuningOptions(config.strategy(), config.folds(), config.seed(), config.samples(), config.maxTrials(),
                config.earlyStoppingRounds(), config.threads(), gammaScale, config.treeMethod(), task);
    }

    private static String nativeMetrics(TrainerConfig config) {
        ObjectiveOptions o = config.objective();
        return String.join(", ", o.objective().metrics().stream()
                .filter(m -> new ObjectiveOptions(o.objective(), m, o.logTarget(), o.tweedieVariancePower(), 1,
                        ClassWeights.NONE, 0).xgboostMetric(1).isPresent())
                .map(EvalMetric::label).toList());
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
        log.accept("best: " + best.params() + " cv_" + result.metric() + "="
                + String.format(Locale.ROOT, "%.6f", best.cvScore()));
        log.accept(MetricLine.format("cv_" + result.metric(), best.cvScore()));
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
     * @return each feature's XGBoost gain (the mean loss reduction of its splits) in {@code booster}, by the
     *     preprocessing's feature names
     */
    static Map<String, Double> gainImportance(Booster booster, Preprocessor pre) throws XGBoostError {
        // XGBoost names the features f0, f1, ... without names of its own: mapped here, since the dump parser
        // cannot take names with spaces or '<'.
        List<String> names = pre.featureNames();
        Map<String, Double> out = new LinkedHashMap<>();
        booster.getScore("", "gain").forEach((feature, gain) -> {
            int index = feature.startsWith("f") ? Integer.parseInt(feature.substring(1)) : -1;
            out.put(index >= 0 && index < names.size() ? names.get(index) : feature, gain);
        });
        return out;
    }

    /**
     * @param booster a fitted booster
     * @param pre its preprocessing
     * @param rows rows to predict
     * @return XGBoost's output: one value per row (a class's probability, or the label's scale), or one per class
     */
    static float[][] output(Booster booster, Preprocessor pre, Table rows) throws XGBoostError {
        return booster.inplace_predict(pre.features(rows), rows.rowCount(), pre.featureCount(), Float.NaN);
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

    private static Map<String, Object> metrics(TrainerConfig config, Task task, TuningResult result,
            Double holdoutScore, Refit refit, int trainingRows, int holdoutRows, int features, double gammaScale,
            double totalSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cv_" + task.name(), result.best().cvScore());
        m.put("holdout_" + task.name(), holdoutScore);
        m.put("objective", task.objective().nativeName());
        m.put("eval_metric", task.name());
        m.put("metric_direction", task.direction() == Direction.LOWER_IS_BETTER ? "lower" : "higher");
        if (!task.classes().isEmpty()) {
            m.put("classes", task.classes());
        }
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
            row.put("cv_" + task.name(), t.cvScore());
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
