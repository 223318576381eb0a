package dev.drydock.trainer.distributed;

import dev.drydock.contract.OptMl;
import dev.drydock.contract.ResourceConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The hosts of a job as the trainer sees them: sorted as SageMaker numbers them ({@code algo-2} before
 * {@code algo-10}), this host's place among them (its rank), and the leader, the first host, which runs the tracker
 * and alone writes the model, the metrics and the report.
 *
 * @param hosts every host, sorted
 * @param currentHost this host
 */
public record Cluster(List<String> hosts, String currentHost) {
    /** A job of one host, {@code algo-1}. */
    public static final Cluster SINGLE_HOST = new Cluster(List.of("algo-1"), "algo-1");

    /** Sorts the hosts and checks that this host is one of them. */
    public Cluster {
        Objects.requireNonNull(currentHost, "currentHost");
        List<String> sorted = new ArrayList<>(hosts);
        sorted.sort(HOST_ORDER);
        hosts = List.copyOf(sorted);
        if (hosts.isEmpty() || !hosts.contains(currentHost)) {
            throw new IllegalArgumentException(OptMl.RESOURCE_CONFIG_FILE + ": current_host \"" + currentHost
                    + "\" must be one of hosts " + hosts);
        }
        if (hosts.stream().distinct().count() != hosts.size()) {
            throw new IllegalArgumentException(OptMl.RESOURCE_CONFIG_FILE + ": hosts " + hosts + " name a host twice");
        }
    }

    /** The cluster that {@code resourceconfig.json} describes. */
    public static Cluster of(ResourceConfig config) {
        return new Cluster(config.hosts(), config.currentHost());
    }

    /** @return the number of hosts */
    public int size() {
        return hosts.size();
    }

    /** @return whether the job has more than one host */
    public boolean isDistributed() {
        return hosts.size() > 1;
    }

    /** @return this host's index in the sorted hosts, 0 for the leader */
    public int rank() {
        return hosts.indexOf(currentHost);
    }

    /** @return the first host in sorted order */
    public String leader() {
        return hosts.get(0);
    }

    /** @return whether this host is the leader */
    public boolean isLeader() {
        return rank() == 0;
    }

    /**
     * SageMaker's order: names that differ only in a trailing number sort by that number ({@code algo-2} before
     * {@code algo-10}); others sort as text.
     */
    static final Comparator<String> HOST_ORDER = Comparator.comparing(Cluster::stem).thenComparingLong(Cluster::number)
            .thenComparing(Comparator.naturalOrder());

    private static String stem(String host) {
        int i = host.length();
        while (i > 0 && Character.isDigit(host.charAt(i - 1))) {
            i--;
        }
        return host.substring(0, i);
    }

    private static long number(String host) {
        String digits = host.substring(stem(host).length());
        if (digits.isEmpty() || digits.length() > 18) {
            return -1;
        }
        return Long.parseLong(digits);
    }
}
