package dev.drydock.trainer.contract;

import java.util.List;
import java.util.Objects;

/**
 * The parts of {@code resourceconfig.json} a trainer needs.
 *
 * @param currentHost this container's host name, e.g. {@code algo-1}
 * @param hosts every host of the job, sorted ({@code algo-1} .. {@code algo-N})
 * @param currentInstanceType e.g. {@code ml.m5.large}, or {@code local}
 * @param currentGroupName the instance group, or {@code null}
 * @param networkInterfaceName e.g. {@code eth0}, or {@code null}
 */
public record ResourceConfig(
        String currentHost, List<String> hosts, String currentInstanceType, String currentGroupName,
        String networkInterfaceName) {

    /** The configuration of a single-host job on a machine without a resource file. */
    public static final ResourceConfig SINGLE_HOST = new ResourceConfig("algo-1", List.of("algo-1"), "local", null, null);

    /** Validates the host fields. */
    public ResourceConfig {
        Objects.requireNonNull(currentHost, "currentHost");
        hosts = List.copyOf(hosts);
        if (!hosts.contains(currentHost)) {
            throw new IllegalArgumentException(
                    "resourceconfig.json: current_host \"" + currentHost + "\" must be one of hosts " + hosts);
        }
    }

    /** @return whether this host is the first of the sorted hosts, the one that writes shared outputs */
    public boolean isLeader() {
        return hosts.get(0).equals(currentHost);
    }
}
