package dev.drydock.trainer.distributed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs one body per host of a job on its own thread, as the hosts of a job would run in their own processes: XGBoost's
 * communicator is per thread, so each thread joins the collective as a host. The tracker listens on a free port of
 * 127.0.0.1, as the child-process backend sets it.
 */
final class ThreadHosts {
    /** One host's work. */
    interface Body<T> {
        T run(Cluster cluster, Map<String, String> environment) throws Exception;
    }

    private ThreadHosts() {
    }

    /** The hosts {@code algo-1 .. algo-n}. */
    static List<String> hosts(int n) {
        List<String> hosts = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            hosts.add("algo-" + i);
        }
        return hosts;
    }

    /** The environment a backend gives the hosts of one job: the tracker at a free loopback port. */
    static Map<String, String> environment() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return Map.of(TrackerEndpoint.HOST_ENV, "127.0.0.1", TrackerEndpoint.PORT_ENV, String.valueOf(s.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code body} for every host at once and returns their results by rank; the first failure is rethrown. */
    static <T> List<T> run(int n, Body<T> body) throws Exception {
        Map<String, String> env = environment();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (String host : hosts(n)) {
                Cluster cluster = new Cluster(hosts(n), host);
                futures.add(pool.submit(() -> body.run(cluster, env)));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    out.add(f.get(5, TimeUnit.MINUTES));
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception ex) {
                        throw ex;
                    }
                    throw e;
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
