package dev.drydock.trainer.distributed;

import dev.drydock.contract.OptMl;
import dev.drydock.contract.TrainingException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import ml.dmlc.xgboost4j.java.Communicator;
import ml.dmlc.xgboost4j.java.RabitTracker;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * This host's membership of the job's XGBoost collective: the leader runs XGBoost's tracker, bound to the leader's
 * address; every host (the leader too) joins it through XGBoost's communicator. While joined, every XGBoost fit on
 * the joining thread is one fit over the rows of every host; {@link #allGather} and {@link #broadcast} exchange
 * drydock's own values over the same communicator.
 *
 * <p>XGBoost's communicator belongs to the thread that joined: use an instance on that thread only, and
 * {@link #close} it there.
 *
 * <p>The communicator reduces only {@code float} arrays; values travel exactly: a {@code double}'s 64 bits as four
 * 16-bit integers, a byte as one, each a float that a sum with zeros leaves unchanged.
 *
 * <p>XGBoost4J's {@code Communicator.allReduce} ignores the native call's result: when a host is gone it returns
 * partial sums without an error. So every exchange also carries one presence flag per host, at both ends of the
 * buffer; a host whose flag did not arrive is lost, and the error names it.
 */
public final class Collective implements AutoCloseable {
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 2_000;

    private final Cluster cluster;
    private final RabitTracker tracker;
    private final Duration timeout;
    private boolean closed;

    private Collective(Cluster cluster, RabitTracker tracker, Duration timeout) {
        this.cluster = cluster;
        this.tracker = tracker;
        this.timeout = timeout;
    }

    /**
     * Joins the collective of {@code cluster}; the leader starts the tracker first. A worker whose tracker is not up
     * yet retries with backoff until {@code options.joinTimeout()}.
     *
     * @param log receives one line when joined
     * @throws TrainingException when the tracker cannot be started or joined in time, naming the endpoint and hosts
     */
    public static Collective join(Cluster cluster, TrackerEndpoint endpoint, DistributedOptions options, Consumer<String> log) {
        long deadline = System.nanoTime() + options.joinTimeout().toNanos();
        String address = resolve(endpoint, cluster, deadline);
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, options.timeout().toSeconds()));
        RabitTracker tracker = null;
        Map<String, Object> args = new HashMap<>();
        args.put("dmlc_tracker_uri", address);
        args.put("dmlc_tracker_port", endpoint.port());
        if (cluster.isLeader()) {
            try {
                // The tracker waits for every host up to the join bound: a host that never starts fails the job then.
                tracker = new RabitTracker(cluster.size(), address, endpoint.port(),
                        (int) Math.max(1, Math.min(Integer.MAX_VALUE, options.joinTimeout().toSeconds())));
                tracker.start();
                args.putAll(tracker.getWorkerArgs());
            } catch (XGBoostError e) {
                throw new TrainingException(cluster.currentHost() + ": could not start XGBoost's tracker at " + endpoint
                        + " (" + address + ") for hosts " + cluster.hosts() + ": " + summary(e)
                        + "; check that nothing else listens on port " + endpoint.port());
            }
        }
        args.put("dmlc_communicator", "rabit");
        args.put("dmlc_task_id", cluster.currentHost());
        args.put("dmlc_timeout", seconds);
        args.put("dmlc_retry", 3);
        long backoff = FIRST_BACKOFF_MILLIS;
        while (true) {
            try {
                Communicator.init(args);
                break;
            } catch (XGBoostError e) {
                if (System.nanoTime() + backoff * 1_000_000 > deadline) {
                    stopQuietly(tracker);
                    throw new TrainingException(cluster.currentHost() + ": could not join the collective of hosts "
                            + cluster.hosts() + " at the tracker " + endpoint + " on " + cluster.leader() + " within "
                            + options.joinTimeout().toSeconds() + " s (" + DistributedOptions.JOIN_TIMEOUT
                            + "): " + summary(e) + "; a host that never started or cannot reach " + endpoint
                            + " leaves the others waiting until then");
                }
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
        try {
            int world = Communicator.getWorldSize();
            if (world != cluster.size()) {
                throw new TrainingException(cluster.currentHost() + ": the collective at " + endpoint + " has " + world
                        + " hosts, but " + OptMl.RESOURCE_CONFIG_FILE + " names " + cluster.size() + ": " + cluster.hosts());
            }
        } catch (XGBoostError e) {
            throw new TrainingException(cluster.currentHost() + ": the collective did not answer: " + summary(e));
        }
        log.accept("distributed: " + cluster.currentHost() + " joined the collective of " + cluster.size()
                + " hosts at the tracker " + endpoint);
        return new Collective(cluster, tracker, options.timeout());
    }

    /** @return the hosts */
    public Cluster cluster() {
        return cluster;
    }

    /**
     * Every host's {@code mine}, exactly, by rank.
     *
     * @param mine this host's values; every host passes the same length
     * @param what what is exchanged, for the message when a host is lost
     * @return {@code hosts x length} values
     */
    public double[][] allGather(double[] mine, String what) {
        int n = cluster.size();
        int len = mine.length;
        float[] buffer = new float[n * len * 4];
        int base = cluster.rank() * len * 4;
        for (int i = 0; i < len; i++) {
            long bits = Double.doubleToRawLongBits(mine[i]);
            for (int part = 0; part < 4; part++) {
                buffer[base + i * 4 + part] = (float) ((bits >>> (16 * part)) & 0xFFFF);
            }
        }
        float[] sum = sum(buffer, what);
        double[][] out = new double[n][len];
        for (int host = 0; host < n; host++) {
            for (int i = 0; i < len; i++) {
                long bits = 0;
                for (int part = 0; part < 4; part++) {
                    bits |= ((long) sum[host * len * 4 + i * 4 + part] & 0xFFFF) << (16 * part);
                }
                out[host][i] = Double.longBitsToDouble(bits);
            }
        }
        return out;
    }

    /**
     * The leader's bytes on every host.
     *
     * @param fromLeader the bytes, read on the leader only (others pass anything, such as an empty array)
     * @param what what is exchanged, for messages
     * @return the leader's bytes
     */
    public byte[] broadcast(byte[] fromLeader, String what) {
        double length = allGather(new double[] {cluster.isLeader() ? fromLeader.length : 0}, what)[0][0];
        float[] buffer = new float[(int) length];
        if (cluster.isLeader()) {
            for (int i = 0; i < fromLeader.length; i++) {
                buffer[i] = fromLeader[i] & 0xFF;
            }
        }
        float[] sum = sum(buffer, what);
        byte[] out = new byte[sum.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (int) sum[i];
        }
        return out;
    }

    /** The element-wise sum over every host of {@code buffer}, checked by the presence flags. */
    private float[] sum(float[] buffer, String what) {
        int n = cluster.size();
        float[] framed = new float[buffer.length + 2 * n];
        framed[cluster.rank()] = 1;
        System.arraycopy(buffer, 0, framed, n, buffer.length);
        framed[n + buffer.length + cluster.rank()] = 1;
        float[] sum;
        try {
            sum = Communicator.allReduce(framed, Communicator.OpType.SUM);
        } catch (RuntimeException e) {
            throw lost(what, e);
        }
        java.util.List<String> missing = new java.util.ArrayList<>();
        boolean failed = false;
        for (int r = 0; r < n; r++) {
            if (sum[r] != 1 || sum[n + buffer.length + r] != 1) {
                failed = true;
                if (r != cluster.rank()) {
                    missing.add(cluster.hosts().get(r));
                }
            }
        }
        if (failed) {
            if (missing.isEmpty()) {
                missing = new java.util.ArrayList<>(cluster.hosts());
                missing.remove(cluster.currentHost());
            }
            throw new TrainingException(cluster.currentHost() + ": lost the other hosts while " + what + ": no word from "
                    + String.join(", ", missing) + " of " + cluster.hosts() + "; a host ended or cannot be reached (the"
                    + " first host that failed says why in its log)");
        }
        return java.util.Arrays.copyOfRange(sum, n, n + buffer.length);
    }

    /**
     * The error of a collective operation that failed: another host ended, hangs or cannot be reached. The job's
     * failure reason comes from the first host that failed, which the backend names; this says what this host saw.
     */
    public TrainingException lost(String what, Throwable cause) {
        return new TrainingException(cluster.currentHost() + ": lost the other hosts of " + cluster.hosts() + " while "
                + what + " (within " + DistributedOptions.TIMEOUT + "=" + timeout.toSeconds() + " s): " + summary(cause)
                + "; another host ended, hangs or cannot be reached: see its log");
    }

    /** Leaves the collective; the leader also waits for the tracker to see every host leave, then stops it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Communicator.shutdown();
        } catch (XGBoostError e) {
            // Leaving fails only when the others are gone already: nothing is lost.
        }
        if (tracker != null) {
            // XGBoost's tracker polls its workers with its own (join) timeout: after a host died it can wait that long
            // for a goodbye that never comes. The leader waits for it at most the collective's timeout, then goes on:
            // the daemon thread ends with the process, and a failing job must not hang on its way out.
            RabitTracker ending = tracker;
            Thread waiter = new Thread(() -> {
                try {
                    ending.waitFor(timeout.toMillis());
                } catch (XGBoostError e) {
                    // As above.
                }
                stopQuietly(ending);
            }, "drydock-tracker-close");
            waiter.setDaemon(true);
            waiter.start();
            try {
                waiter.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void stopQuietly(RabitTracker tracker) {
        if (tracker != null) {
            try {
                tracker.stop();
            } catch (XGBoostError e) {
                // Stopping a tracker whose workers are gone: nothing more to do.
            }
        }
    }

    /** The leader's IP address: the tracker binds it and the workers connect to it. DNS may lag at start: retried. */
    private static String resolve(TrackerEndpoint endpoint, Cluster cluster, long deadline) {
        long backoff = FIRST_BACKOFF_MILLIS;
        while (true) {
            try {
                return InetAddress.getByName(endpoint.host()).getHostAddress();
            } catch (UnknownHostException e) {
                if (System.nanoTime() + backoff * 1_000_000 > deadline) {
                    throw new TrainingException(cluster.currentHost() + ": the leader's address " + endpoint.host()
                            + " does not resolve; on a backend without DNS for the hosts set " + TrackerEndpoint.HOST_ENV
                            + " to the leader's address");
                }
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }

    /** XGBoost's error without its native stack trace: the lines that say what failed. */
    static String summary(Throwable e) {
        String text = String.valueOf(e.getMessage());
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            String l = line.trim();
            if (l.startsWith("- [")) {
                int close = l.indexOf("]:");
                out.append(out.length() == 0 ? "" : "; ").append(close > 0 ? l.substring(close + 2).trim() : l);
            }
        }
        return out.length() == 0 ? text.split("\n")[0] : out.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainingException("interrupted while joining the collective");
        }
    }
}
