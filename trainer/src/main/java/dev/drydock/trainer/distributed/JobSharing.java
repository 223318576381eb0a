package dev.drydock.trainer.distributed;

import dev.drydock.contract.ChannelConfig;
import dev.drydock.contract.TrainingEnvironment;
import dev.drydock.contract.TrainingException;
import dev.drydock.trainer.objective.Predictions;
import dev.drydock.trainer.objective.Task;
import dev.drydock.trainer.preprocess.Preprocessor;
import dev.drydock.trainer.tuning.Dataset;
import dev.drydock.trainer.tuning.Folds;
import dev.drydock.trainer.tuning.SearchHooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * How the trainer's steps change on a job of several hosts; on one host every step is the identity, so one host
 * behaves exactly as before. The trainer calls the steps in this order, on the thread that runs it:
 * {@link #log}, {@link #readTraining}, {@link #agree}, {@link #forSearch}, {@link #afterSearch},
 * {@link #holdout}, {@link #writesOutputs}, {@link #close}.
 *
 * <p>What each mode means, and what stays as on one host:
 * <ul>
 *   <li>{@code trials}: every host reads every row, makes the same hold-out split and the same preprocessing (they
 *       are seeded and depend only on the rows), so the folds are the one-host folds; each host cross-validates its
 *       share of every batch of configurations and the scores are combined exactly, so the search's choices are the
 *       one-host choices. Once the search ends the hosts leave the collective; the leader fits the final model alone,
 *       exactly as one host would, and the others end.</li>
 *   <li>{@code rows} with a {@code FullyReplicated} channel: every host reads every row and makes the same split and
 *       preprocessing, then keeps rows {@code i mod hosts == rank} ({@link RowShare}); the folds are the one-host
 *       folds over all training rows, restricted to each host's rows, so fold {@code f} is the same set of rows as on
 *       one host; only the fits differ (XGBoost's distributed histogram sketch).</li>
 *   <li>{@code rows} with a {@code ShardedByS3Key} channel: each host reads only its files. The hold-out is the seeded
 *       {@code holdout_fraction} of each host's rows, scored over every host's hold-out; the preprocessing is the
 *       leader's (fitted on the leader's rows; a level the leader never saw is encoded as at prediction time); the
 *       folds are the seeded split of the job's rows numbered host after host in rank order.</li>
 * </ul>
 * Only the leader writes {@code /opt/ml/model}, the metrics, the report, and prints the log lines that metric
 * definitions read; the other hosts print only their {@code distributed:} lines.
 */
public final class JobSharing implements AutoCloseable {
    private final Cluster cluster;
    private final Distribution mode;
    private final boolean sharded;
    private final Collective collective;
    private boolean searchEnded;

    private JobSharing(Cluster cluster, Distribution mode, boolean sharded, Collective collective) {
        this.cluster = cluster;
        this.mode = mode;
        this.sharded = sharded;
        this.collective = collective;
    }

    /**
     * The sharing of the job that {@code env} describes; on several hosts this joins the collective.
     *
     * @param env the container's {@code /opt/ml}
     * @param trainingChannel the training channel's name
     * @param environment the process environment (the backend's tracker endpoint, if any)
     * @param log where the joining line goes
     */
    public static JobSharing start(TrainingEnvironment env, String trainingChannel, Map<String, String> environment,
            Consumer<String> log) {
        Cluster cluster = Cluster.of(env.resourceConfig());
        DistributedOptions options = DistributedOptions.from(env.hyperparameters());
        ChannelConfig channel = env.channels().get(trainingChannel);
        boolean sharded = channel != null && channel.isSharded();
        if (!cluster.isDistributed()) {
            return new JobSharing(cluster, Distribution.TRIALS, false, null);
        }
        Distribution mode = options.distribution().resolve(sharded);
        log.accept("distributed: " + cluster.currentHost() + " is host " + (cluster.rank() + 1) + " of " + cluster.size()
                + " " + cluster.hosts() + ", leader " + cluster.leader() + ", distribution=" + mode.label()
                + (sharded ? " (the training channel is ShardedByS3Key)" : ""));
        return new JobSharing(cluster, mode, sharded,
                Collective.join(cluster, TrackerEndpoint.of(cluster, environment), options, log));
    }

    /** @return the hosts */
    public Cluster cluster() {
        return cluster;
    }

    /** @return {@code rows} or {@code trials}; {@code trials} for one host, where it changes nothing */
    public Distribution mode() {
        return mode;
    }

    /** @return where this host's lines go: everything on the leader, only {@code distributed:} lines on the others */
    public Consumer<String> log(Consumer<String> log) {
        if (cluster.isLeader()) {
            return log;
        }
        return line -> {
            if (line.startsWith("distributed:")) {
                log.accept(line);
            }
        };
    }

    /**
     * The CSV files of this host's training channel.
     *
     * @throws TrainingException when a sharded channel gave this host no file: more hosts than files
     */
    public List<Path> trainingFiles(Path channel) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(channel)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        if (files.isEmpty() && sharded && cluster.isDistributed()) {
            throw new TrainingException(cluster.currentHost() + ": received no file of the ShardedByS3Key training channel"
                    + ": the job has " + cluster.size() + " hosts, more than the channel has files; use at most as many"
                    + " hosts as files, split the data into more files, or make the channel FullyReplicated");
        }
        return new ArrayList<>(files);
    }

    /**
     * The preprocessing every host uses: its own where every host fitted it on the same rows, the leader's where
     * each host has other rows (a sharded channel in {@code rows} mode).
     */
    public Preprocessor agree(Preprocessor mine) throws IOException {
        if (collective == null || !sharded) {
            return mine;
        }
        Path file = Files.createTempFile("drydock-preprocessing", ".json");
        try {
            mine.save(file);
            byte[] leaders = collective.broadcast(Files.readAllBytes(file), "sharing the leader's preprocessing");
            Files.write(file, leaders);
            return Preprocessor.load(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * This host's rows to search on and how the search is shared.
     *
     * @param training the training rows this host has (all of them, or its shard's)
     * @param folds the number of folds
     * @param seed the seed
     * @throws TrainingException when a host has fewer training rows than folds in {@code rows} mode
     */
    public Search forSearch(Dataset training, int folds, long seed) {
        if (collective == null) {
            return new Search(training, SearchHooks.SINGLE_HOST, training.rows());
        }
        if (mode == Distribution.TRIALS) {
            return new Search(training, new TrialSharing(collective), training.rows());
        }
        int[] counts;
        int[] mine;
        Dataset share;
        int total;
        if (sharded) {
            double[][] byHost = collective.allGather(new double[] {training.rows()}, "counting every host's rows");
            counts = new int[cluster.size()];
            for (int r = 0; r < counts.length; r++) {
                counts[r] = (int) byHost[r][0];
            }
            mine = RowShare.consecutive(counts, cluster.rank());
            share = training;
            total = java.util.Arrays.stream(counts).sum();
        } else {
            mine = RowShare.of(training.rows(), cluster.rank(), cluster.size());
            share = training.select(mine);
            total = training.rows();
            counts = new int[cluster.size()];
            for (int r = 0; r < counts.length; r++) {
                counts[r] = RowShare.of(training.rows(), r, cluster.size()).length;
            }
        }
        List<String> short_ = new ArrayList<>();
        for (int r = 0; r < counts.length; r++) {
            if (counts[r] < folds) {
                short_.add(cluster.hosts().get(r) + " has " + counts[r]);
            }
        }
        if (!short_.isEmpty()) {
            throw new TrainingException(cluster.currentHost() + ": distribution=rows needs at least folds=" + folds
                    + " training rows on every host, but " + String.join(", ", short_) + "; use fewer hosts or"
                    + " distribution=trials");
        }
        if (total < folds) {
            throw new TrainingException("folds=" + folds + " needs at least as many training rows; got " + total);
        }
        return new Search(share, new RowSharing(Folds.split(total, folds, seed), mine), total);
    }

    /**
     * How a search over every row is shared: over the collective in {@code trials} mode (each host fits its share of
     * the configurations on all rows), not at all on one host.
     *
     * @throws IllegalStateException in {@code rows} mode, whose search is shared through {@link #forSearch}
     */
    public SearchHooks trialHooks() {
        if (collective == null) {
            return SearchHooks.SINGLE_HOST;
        }
        if (mode != Distribution.TRIALS) {
            throw new IllegalStateException("distribution=" + mode.label() + " shares rows, not trials");
        }
        return new TrialSharing(collective);
    }

    /**
     * Ends the search. In {@code trials} mode the hosts leave the collective here: the final fit is the leader's alone.
     *
     * @return whether this host goes on to the final fit ({@code false} for the others in {@code trials} mode)
     */
    public boolean afterSearch() {
        searchEnded = true;
        if (collective != null && mode == Distribution.TRIALS) {
            collective.close();
            return cluster.isLeader();
        }
        return true;
    }

    /**
     * The hold-out over every host's hold-out where each host has its own (sharded {@code rows} mode), else this
     * host's: every host's rows of true values and predictions, in host order, so that any metric (AUC too, which
     * does not add up over hosts) is computed over all of them.
     *
     * @param mine this host's hold-out rows
     * @return the hold-out rows of the job
     */
    public Predictions holdout(Predictions mine) {
        if (collective == null || !sharded || mode != Distribution.ROWS || !searchEnded) {
            return mine;
        }
        int perRow = mine.predicted().length / mine.rows();
        double[][] counts = collective.allGather(new double[] {mine.rows()}, "scoring the hold-out");
        int most = 0;
        int total = 0;
        for (double[] host : counts) {
            most = Math.max(most, (int) host[0]);
            total += (int) host[0];
        }
        // allGather exchanges arrays of one length: each host pads its rows to the longest host's.
        double[] padded = new double[most * (1 + perRow)];
        System.arraycopy(mine.actual(), 0, padded, 0, mine.rows());
        System.arraycopy(mine.predicted(), 0, padded, most, mine.predicted().length);
        double[][] byHost = collective.allGather(padded, "scoring the hold-out");
        double[] actual = new double[total];
        double[] predicted = new double[total * perRow];
        int at = 0;
        for (int h = 0; h < byHost.length; h++) {
            int n = (int) counts[h][0];
            System.arraycopy(byHost[h], 0, actual, at, n);
            System.arraycopy(byHost[h], most, predicted, at * perRow, n * perRow);
            at += n;
        }
        return new Predictions(actual, predicted, null, mine.classes());
    }

    /**
     * The task every host uses: for a classifier where each host has other rows, the leader's (the levels must be
     * the same everywhere), else its own.
     */
    public Task agree(Task mine) throws IOException {
        // A regression has no levels to agree on; the objective is the same on every host, so all skip alike.
        if (collective == null || !sharded || !mine.objective().isClassifier()) {
            return mine;
        }
        Path file = Files.createTempFile("drydock-objective", ".json");
        try {
            mine.save(file);
            Files.write(file, collective.broadcast(Files.readAllBytes(file), "sharing the leader's classes"));
            return Task.load(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** @return whether this host writes the model, metrics and report: the leader, or the only host */
    public boolean writesOutputs() {
        return cluster.isLeader();
    }

    /** Leaves the collective, if still joined. */
    @Override
    public void close() {
        if (collective != null) {
            collective.close();
        }
    }

    /**
     * What a host searches on.
     *
     * @param data this host's rows
     * @param hooks how the search is shared
     * @param jobRows the training rows of the whole job
     */
    public record Search(Dataset data, SearchHooks hooks, int jobRows) {
    }
}
