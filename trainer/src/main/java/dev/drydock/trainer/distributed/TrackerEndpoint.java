package dev.drydock.trainer.distributed;

import dev.drydock.contract.TrainingException;
import java.util.Map;

/**
 * Where the leader's tracker listens and every host joins it. Never auto-detected (XGBoost's own guess probes a
 * route to the outside, which a container on an internal network does not have): the leader's host name on the
 * job's network at the fixed port {@value #DEFAULT_PORT}, as SageMaker and the Docker backend give every host DNS for
 * {@code algo-N}; or what the backend sets in {@value #HOST_ENV} and {@value #PORT_ENV} (the child-process backend:
 * {@code 127.0.0.1} and a port allocated per job, since processes on one machine share its loopback).
 *
 * @param host a host name or address
 * @param port the TCP port
 */
public record TrackerEndpoint(String host, int port) {
    /** The tracker's port on SageMaker and Docker; open it between the instances if a security group is set. */
    public static final int DEFAULT_PORT = 9099;
    /** The variable a backend sets to the address the tracker binds. */
    public static final String HOST_ENV = "DRYDOCK_TRACKER_HOST";
    /** The variable a backend sets to the tracker's port. */
    public static final String PORT_ENV = "DRYDOCK_TRACKER_PORT";

    /** Checks the port. */
    public TrackerEndpoint {
        if (host == null || host.isBlank()) {
            throw new TrainingException("the tracker's host is empty; set " + HOST_ENV + " to the leader's address");
        }
        if (port < 1 || port > 65535) {
            throw new TrainingException(PORT_ENV + "=" + port + " is not a TCP port (1..65535)");
        }
    }

    /**
     * @param cluster the job's hosts
     * @param environment the process environment
     * @return the backend's endpoint when it set one, else the leader's name at {@link #DEFAULT_PORT}
     */
    public static TrackerEndpoint of(Cluster cluster, Map<String, String> environment) {
        String host = environment.getOrDefault(HOST_ENV, cluster.leader());
        String port = environment.get(PORT_ENV);
        if (port == null || port.isBlank()) {
            return new TrackerEndpoint(host, DEFAULT_PORT);
        }
        try {
            return new TrackerEndpoint(host, Integer.parseInt(port.trim()));
        } catch (NumberFormatException e) {
            throw new TrainingException(PORT_ENV + "=\"" + port + "\" is not a TCP port (1..65535)");
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
