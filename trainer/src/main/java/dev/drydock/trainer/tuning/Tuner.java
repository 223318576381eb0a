package dev.drydock.trainer.tuning;

import dev.drydock.contract.StopSignal;
import dev.drydock.contract.TrainingException;
import dev.drydock.trainer.objective.Direction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Runs a search: configurations are cross-validated on a pool of worker threads, each owning its fold matrices
 * and fitting with {@code threads / workers} XGBoost threads. On small data, parallel single-threaded fits use
 * the cores better than one fit with many threads.
 */
public final class Tuner {
    /** How long a failed or finished search waits for fits still running on its workers before it returns. */
    private static final Duration WORKER_END_WAIT = Duration.ofMinutes(10);

    private final CvData data;
    private final TuningOptions options;
    private final StopSignal stop;
    private final Consumer<String> log;
    private final Folds folds;
    private final SearchHooks hooks;
    private FitCache checkpoint = FitCache.none();

    /**
     * @param data the rows to cross-validate on (the hold-out excluded), encoded once for all folds
     * @param options how to tune
     * @param stop polled between fits
     * @param log receives progress and rung lines
     */
    public Tuner(Dataset data, TuningOptions options, StopSignal stop, Consumer<String> log) {
        this(data, options, stop, log, SearchHooks.SINGLE_HOST);
    }

    /**
     * @param data the rows to cross-validate on (the hold-out excluded), this host's share of them
     * @param options how to tune
     * @param stop polled between fits
     * @param log receives progress and rung lines
     * @param hooks how the search is shared with other hosts
     */
    public Tuner(Dataset data, TuningOptions options, StopSignal stop, Consumer<String> log, SearchHooks hooks) {
        this(CvData.slice(data, hooks == SearchHooks.SINGLE_HOST ? split(data.rows(), options)
                : hooks.folds(data.rows(), options.folds(), options.seed())), options, stop, log, hooks);
    }

    /**
     * @param data the folds to cross-validate on, each encoded by what was fitted on its own training rows
     * @param options how to tune ({@code folds} must match the data's)
     * @param stop polled between fits
     * @param log receives progress and rung lines
     */
    public Tuner(CvData data, TuningOptions options, StopSignal stop, Consumer<String> log) {
        this(data, options, stop, log, SearchHooks.SINGLE_HOST);
    }

    /**
     * @param data the folds to cross-validate on, this host's share of them
     * @param options how to tune ({@code folds} must match the data's)
     * @param stop polled between fits
     * @param log receives progress and rung lines
     * @param hooks how the search is shared with other hosts
     */
    public Tuner(CvData data, TuningOptions options, StopSignal stop, Consumer<String> log, SearchHooks hooks) {
        if (data.folds().count() != options.folds()) {
            throw new IllegalArgumentException("the data has " + data.folds().count() + " folds, the options "
                    + options.folds());
        }
        this.data = data;
        this.options = options;
        this.stop = stop;
        this.log = log;
        this.hooks = hooks;
        this.folds = data.folds();
    }

    /**
     * @param rows the rows to split
     * @param options the folds and the seed
     * @return the seeded split the tuner uses
     * @throws TrainingException when there are fewer rows than folds
     */
    public static Folds split(int rows, TuningOptions options) {
        if (rows < options.folds()) {
            throw new TrainingException("folds=" + options.folds() + " needs at least as many training rows; got "
                    + rows);
        }
        return Folds.split(rows, options.folds(), options.seed());
    }

    /**
     * Keeps every finished fit in {@code folder} (the job's checkpoint folder) and takes fits an earlier run of this
     * search stored there instead of making them again: a restarted job resumes where it stopped.
     *
     * @return this tuner
     */
    public Tuner checkpointIn(java.nio.file.Path folder) {
        this.checkpoint = FitCache.in(folder, data, folds);
        return this;
    }

    /** @return the checkpoint of the fits ({@link FitCache#none()} unless {@link #checkpointIn} was called) */
    public FitCache checkpoint() {
        return checkpoint;
    }

    /**
     * @param configuration a configuration, with or without {@code n_estimators}
     * @param threads XGBoost threads
     * @return the XGBoost-native parameters for a fit of it
     */
    public Map<String, Object> nativeParams(ParamSet configuration, int threads) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.putAll(options.score().nativeParams());
        params.putAll(options.nativeExtras());
        params.put("tree_method", options.treeMethod());
        params.put("seed", options.seed());
        params.put("nthread", threads);
        params.put("verbosity", 0);
        params.putAll(configuration.toNative(options.gammaScale()));
        return params;
    }

    /**
     * @param space the search space
     * @return the trials and the best one
     * @throws TrainingException when no trial could be scored
     */
    public TuningResult tune(SearchSpace space) {
        int workers = Math.max(1, options.threads());
        int fitThreads = Math.max(1, options.threads() / workers);
        ConcurrentLinkedQueue<FoldMatrices> created = new ConcurrentLinkedQueue<>();
        ThreadLocal<FoldMatrices> matrices = ThreadLocal.withInitial(() -> {
            try {
                FoldMatrices m = new FoldMatrices(data);
                created.add(m);
                return m;
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost rejected the training data: " + e.getMessage(), e);
            }
        });
        ExecutorService pool = hooks.fitsOnCallingThread() ? new CallingThreadExecutor()
                : Executors.newFixedThreadPool(workers, r -> {
                    Thread t = new Thread(r, "drydock-cv");
                    t.setDaemon(true);
                    return t;
                });
        long start = System.nanoTime();
        try {
            Search search = new Search(pool, matrices, hooks.fitsOnCallingThread() ? options.threads() : fitThreads);
            List<Trial> trials = switch (options.strategy()) {
                case GRID -> search.exhaustive(sample(space.all()));
                case RANDOM -> search.exhaustive(SearchSpace.sample(sample(space.all()), options.samples(),
                        options.seed()));
                case HALVING -> search.halving(sample(bases(space.all())), space.maxRounds());
            };
            if (trials.isEmpty()) {
                throw new TrainingException("tuning was stopped before any configuration was scored");
            }
            List<Trial> sorted = new ArrayList<>(trials);
            sorted.sort(Comparator.comparingInt(Trial::number));
            Trial best = Collections.min(sorted, bestFirst());
            return new TuningResult(options.strategy(), sorted, best, search.planned, stop.stopRequested(),
                    (System.nanoTime() - start) / 1e9, options.score().name(), options.score().direction());
        } finally {
            pool.shutdownNow();
            // When a fit failed, other workers may still be inside XGBoost (native code does not heed interrupts)
            // on their fold matrices: freeing those now would pull native memory from under them and crash the JVM.
            if (awaitWorkers(pool)) {
                created.forEach(FoldMatrices::close);
            }
        }
    }

    /**
     * Out-of-fold predictions of one configuration: each fold's booster, fitted on that fold's training rows for
     * {@code configuration.rounds()} rounds, predicts its validation rows. Folds are fitted in parallel.
     *
     * @param configuration the configuration, with its round count
     * @return one prediction (XGBoost's output, in label units) per row of the data, in row order
     */
    public double[] outOfFold(ParamSet configuration) {
        int workers = Math.max(1, Math.min(options.threads(), folds.count()));
        int fitThreads = Math.max(1, options.threads() / workers);
        Map<String, Object> params = nativeParams(configuration, fitThreads);
        double[] out = new double[data.rows()];
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "drydock-oof");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int f = 0; f < folds.count(); f++) {
                int fold = f;
                futures.add(pool.submit(() -> {
                    float[][] predicted = fitAndPredict(data.training().get(fold), data.validation().get(fold), params,
                            configuration.rounds());
                    int[] rows = folds.validation(fold);
                    for (int i = 0; i < rows.length; i++) {
                        out[rows[i]] = predicted[i][0];
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while predicting out of fold", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an out-of-fold fit failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static float[][] fitAndPredict(Dataset training, Dataset validation, Map<String, Object> params, int rounds)
            throws XGBoostError {
        ml.dmlc.xgboost4j.java.DMatrix train = training.toDMatrix();
        ml.dmlc.xgboost4j.java.DMatrix valid = validation.toDMatrix();
        ml.dmlc.xgboost4j.java.Booster booster = null;
        try {
            booster = ml.dmlc.xgboost4j.java.XGBoost.train(train, params, rounds, Map.of(), null, null);
            return booster.predict(valid);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            train.dispose();
            valid.dispose();
        }
    }

    /** Whether every worker ended in time; if not, their fold matrices are left for the process exit to free. */
    private static boolean awaitWorkers(ExecutorService pool) {
        try {
            if (pool.awaitTermination(WORKER_END_WAIT.toMinutes(), TimeUnit.MINUTES)) {
                return true;
            }
            System.err.println("warning: cross-validation workers still run after " + WORKER_END_WAIT
                    + "; leaving their fold matrices to the process exit");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Orders trials best score first (by the score's direction), the earlier trial first on ties. */
    private Comparator<Trial> bestFirst() {
        return Comparator.comparing(Trial::cvScore, options.score().direction().bestFirst())
                .thenComparingInt(Trial::number);
    }

    private List<ParamSet> sample(List<ParamSet> configs) {
        return options.maxTrials() == 0 ? configs : SearchSpace.sample(configs, options.maxTrials(), options.seed());
    }

    private static List<ParamSet> bases(List<ParamSet> configs) {
        return List.copyOf(new LinkedHashSet<>(configs.stream().map(ParamSet::withoutRounds).toList()));
    }

    /** One search run: the pool, the per-thread matrices and the progress. */
    private final class Search {
        private final ExecutorService pool;
        private final ThreadLocal<FoldMatrices> matrices;
        private final int fitThreads;
        private ProgressReporter progress;
        private int planned;

        Search(ExecutorService pool, ThreadLocal<FoldMatrices> matrices, int fitThreads) {
            this.pool = pool;
            this.matrices = matrices;
            this.fitThreads = fitThreads;
        }

        /** Grid and random: group configurations that differ only in n_estimators and fit each group once. */
        List<Trial> exhaustive(List<ParamSet> configs) {
            Map<ParamSet, List<Integer>> groups = new LinkedHashMap<>();
            for (ParamSet c : configs) {
                groups.computeIfAbsent(c.withoutRounds(), k -> new ArrayList<>()).add(c.rounds());
            }
            planned = configs.size();
            progress = new ProgressReporter(log, planned, options.score());
            log.accept("tuning: strategy=" + options.strategy().label() + " configurations=" + planned + " fits="
                    + groups.size() + "x" + options.folds() + " folds");
            List<Future<List<Trial>>> futures = new ArrayList<>();
            List<Map.Entry<ParamSet, List<Integer>>> tasks = new ArrayList<>(groups.entrySet());
            int[] firstNumbers = new int[tasks.size()];
            int number = 1;
            for (int task = 0; task < tasks.size(); task++) {
                Map.Entry<ParamSet, List<Integer>> group = tasks.get(task);
                int first = number;
                firstNumbers[task] = first;
                number += group.getValue().size();
                List<Integer> rounds = group.getValue();
                int maxRounds = rounds.stream().mapToInt(Integer::intValue).max().orElseThrow();
                if (!hooks.owns(task, tasks.size())) {
                    futures.add(java.util.concurrent.CompletableFuture.completedFuture(null));
                    continue;
                }
                futures.add(pool.submit(() -> {
                    Fit fit = fit(group.getKey(), maxRounds, 0);
                    if (fit == null) {
                        return List.of();
                    }
                    List<Trial> out = new ArrayList<>();
                    for (int i = 0; i < rounds.size(); i++) {
                        double score = fit.curve.at(rounds.get(i));
                        out.add(new Trial(first + i, group.getKey().withRounds(rounds.get(i)), score, 0, fit.seconds,
                                progress.elapsedSeconds()));
                        progress.trialDone(score);
                    }
                    return out;
                }));
            }
            List<List<Trial>> mine = collectEach(futures);
            if (hooks == SearchHooks.SINGLE_HOST) {
                return mine.stream().flatMap(List::stream).toList();
            }
            // Each task's row: [scored, seconds, elapsed, score per n_estimators of the group].
            int width = 3 + tasks.stream().mapToInt(t -> t.getValue().size()).max().orElse(0);
            double[][] rows = new double[tasks.size()][];
            for (int task = 0; task < tasks.size(); task++) {
                List<Trial> trials = mine.get(task);
                if (trials == null) {
                    continue;
                }
                rows[task] = new double[width];
                rows[task][0] = trials.isEmpty() ? 0 : 1;
                for (int i = 0; i < trials.size(); i++) {
                    rows[task][1] = trials.get(i).seconds();
                    rows[task][2] = trials.get(i).elapsedSeconds();
                    rows[task][3 + i] = trials.get(i).cvScore();
                }
            }
            double[][] all = hooks.combine(rows, width);
            List<Trial> out = new ArrayList<>();
            for (int task = 0; task < tasks.size(); task++) {
                if (all[task] == null || all[task][0] == 0) {
                    continue;
                }
                List<Integer> rounds = tasks.get(task).getValue();
                for (int i = 0; i < rounds.size(); i++) {
                    out.add(new Trial(firstNumbers[task] + i, tasks.get(task).getKey().withRounds(rounds.get(i)),
                            all[task][3 + i], 0, all[task][1], all[task][2]));
                }
            }
            return out;
        }

        /** Successive halving over round budgets with factor 3; the last rung gets the largest n_estimators. */
        List<Trial> halving(List<ParamSet> candidates, int maxRounds) {
            final int factor = 3;
            final int minRounds = Math.min(maxRounds, 25);
            int rungs = 0;
            while (Math.pow(factor, rungs + 1) <= candidates.size()
                    && maxRounds / Math.pow(factor, rungs + 1) >= minRounds) {
                rungs++;
            }
            planned = 0;
            for (int i = 0; i <= rungs; i++) {
                planned += (int) Math.ceil(candidates.size() / Math.pow(factor, i));
            }
            progress = new ProgressReporter(log, planned, options.score());
            List<Trial> all = new ArrayList<>();
            List<ParamSet> alive = candidates;
            int number = 1;
            for (int rung = 0; rung <= rungs && !alive.isEmpty(); rung++) {
                int budget = (int) Math.ceil(maxRounds / Math.pow(factor, rungs - rung));
                log.accept("tuning: strategy=halving rung=" + rung + "/" + rungs + " configurations=" + alive.size()
                        + " max_rounds=" + budget + " folds=" + options.folds());
                List<Future<List<Trial>>> futures = new ArrayList<>();
                int firstNumber = number;
                for (int task = 0; task < alive.size(); task++) {
                    ParamSet config = alive.get(task);
                    int trialNumber = number++;
                    int thisRung = rung;
                    if (!hooks.owns(task, alive.size())) {
                        futures.add(java.util.concurrent.CompletableFuture.completedFuture(null));
                        continue;
                    }
                    futures.add(pool.submit(() -> {
                        Fit fit = fit(config, budget, options.earlyStoppingRounds());
                        if (fit == null) {
                            return List.of();
                        }
                        Direction direction = options.score().direction();
                        Trial t = new Trial(trialNumber, config.withRounds(fit.curve.bestRounds(direction)),
                                fit.curve.best(direction), thisRung, fit.seconds, progress.elapsedSeconds());
                        progress.trialDone(t.cvScore());
                        return List.of(t);
                    }));
                }
                List<Trial> scored = combineRung(collectEach(futures), alive, firstNumber, rung);
                all.addAll(scored);
                if (stop.stopRequested()) {
                    break;
                }
                int keep = (int) Math.ceil(alive.size() / (double) factor);
                alive = scored.stream().sorted(bestFirst()).limit(keep).map(t -> t.params().withoutRounds()).toList();
            }
            return all;
        }

        private Fit fit(ParamSet config, int maxRounds, int patience) throws XGBoostError {
            if (stop.stopRequested()) {
                return null;
            }
            long t0 = System.nanoTime();
            Map<String, Object> params = nativeParams(config, fitThreads);
            // The score's name keys the checkpoint too: two metrics computed in Java share XGBoost's parameters.
            Map<String, Object> key = new LinkedHashMap<>(params);
            key.put("drydock_score", options.score().name());
            java.util.Optional<CvCurve> saved = checkpoint.get(key, maxRounds, patience);
            if (saved.isPresent()) {
                return new Fit(saved.get(), 0);
            }
            CvCurve curve = CrossValidator.evaluate(matrices.get(), params, options.score(), maxRounds, patience,
                    stop::stopRequested);
            if (curve != null) {
                // Only whole fits come back: one that a stop cut short returns null and is never kept.
                checkpoint.put(key, maxRounds, patience, curve);
            }
            return curve == null ? null : new Fit(curve, (System.nanoTime() - t0) / 1e9);
        }

        /** One rung's trials of every host: [scored, seconds, elapsed, score, best n_estimators] per task. */
        private List<Trial> combineRung(List<List<Trial>> mine, List<ParamSet> alive, int firstNumber, int rung) {
            if (hooks == SearchHooks.SINGLE_HOST) {
                return mine.stream().flatMap(List::stream).toList();
            }
            double[][] rows = new double[alive.size()][];
            for (int task = 0; task < alive.size(); task++) {
                List<Trial> trials = mine.get(task);
                if (trials != null) {
                    rows[task] = trials.isEmpty() ? new double[5] : new double[] {1, trials.get(0).seconds(),
                        trials.get(0).elapsedSeconds(), trials.get(0).cvScore(), trials.get(0).params().rounds()};
                }
            }
            double[][] all = hooks.combine(rows, 5);
            List<Trial> out = new ArrayList<>();
            for (int task = 0; task < alive.size(); task++) {
                if (all[task] != null && all[task][0] != 0) {
                    out.add(new Trial(firstNumber + task, alive.get(task).withRounds((int) all[task][4]), all[task][3],
                            rung, all[task][1], all[task][2]));
                }
            }
            return out;
        }

        /** Each future's trials, in order; {@code null} for a task another host fits. */
        private List<List<Trial>> collectEach(List<Future<List<Trial>>> futures) {
            List<List<Trial>> out = new ArrayList<>();
            for (Future<List<Trial>> f : futures) {
                try {
                    out.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while tuning", e);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException("a cross-validation fit failed: " + cause.getMessage(), cause);
                }
            }
            return out;
        }
    }

    private record Fit(CvCurve curve, double seconds) {
    }
}
