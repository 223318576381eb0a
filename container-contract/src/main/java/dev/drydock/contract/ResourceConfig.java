package dev.drydock.contract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /opt/ml/input/config/resourceconfig.json}: which host this container is and which hosts the job has.
 *
 * <p>Hosts are kept in {@linkplain #HOST_ORDER host order}: by name, numbers by value, so that {@code algo-2} comes
 * before {@code algo-10}. The {@linkplain #leader() leader} is the first host in that order and a host's
 * {@linkplain #rank() rank} its index; every host computes the same answer from its own file.
 *
 * @param currentHost {@code current_host}, e.g. {@code algo-1}
 * @param hosts {@code hosts}: every host of the job, in host order
 * @param networkInterfaceName {@code network_interface_name}, e.g. {@code eth0}
 * @param currentInstanceType {@code current_instance_type}, e.g. {@code ml.m5.large}
 * @param currentGroupName {@code current_group_name}, e.g. {@value #HOMOGENEOUS_GROUP}
 * @param instanceGroups {@code instance_groups}
 */
public record ResourceConfig(String currentHost, List<String> hosts, String networkInterfaceName,
        String currentInstanceType, String currentGroupName, List<InstanceGroup> instanceGroups) {

    /** The group name SageMaker gives a job without heterogeneous instance groups. */
    public static final String HOMOGENEOUS_GROUP = "homogeneousCluster";
    /** The network interface a SageMaker container sees. */
    public static final String DEFAULT_INTERFACE = "eth0";
    /** The first host of every job. */
    public static final String FIRST_HOST = "algo-1";

    /** Host names compared as text, runs of digits by their value ({@code algo-2} before {@code algo-10}). */
    public static final Comparator<String> HOST_ORDER = ResourceConfig::compareHosts;

    private static final Pattern DIGITS = Pattern.compile("\\d+|\\D+");

    /** Sorts and copies the hosts and checks that the current host is one of them. */
    public ResourceConfig {
        Objects.requireNonNull(currentHost, "current_host");
        List<String> sorted = new ArrayList<>(hosts);
        sorted.sort(HOST_ORDER);
        if (new HashSet<>(sorted).size() != sorted.size()) {
            throw new TrainingException("resourceconfig.json: hosts " + hosts + " name a host twice");
        }
        if (!sorted.contains(currentHost)) {
            throw new TrainingException("resourceconfig.json: current_host \"" + currentHost
                    + "\" must be one of hosts " + sorted);
        }
        hosts = List.copyOf(sorted);
        instanceGroups = List.copyOf(instanceGroups);
    }

    /**
     * The file SageMaker writes for a job of one homogeneous group.
     *
     * @param currentHost this container's host
     * @param hosts every host, e.g. {@code algo-1 .. algo-N}
     * @param instanceType the instance type
     * @return the configuration
     */
    public static ResourceConfig homogeneous(String currentHost, List<String> hosts, String instanceType) {
        return new ResourceConfig(currentHost, hosts, DEFAULT_INTERFACE, instanceType, HOMOGENEOUS_GROUP,
                List.of(new InstanceGroup(HOMOGENEOUS_GROUP, instanceType, hosts)));
    }

    /**
     * @param instanceType the instance type
     * @return a single-host job's configuration ({@value #FIRST_HOST})
     */
    public static ResourceConfig singleHost(String instanceType) {
        return homogeneous(FIRST_HOST, List.of(FIRST_HOST), instanceType);
    }

    /**
     * @param count how many hosts
     * @return {@code algo-1 .. algo-count}, SageMaker's host names
     */
    public static List<String> hostNames(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a job has at least 1 host, got " + count);
        }
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add("algo-" + i);
        }
        return List.copyOf(out);
    }

    /** @return how many hosts the job has */
    public int hostCount() {
        return hosts.size();
    }

    /** @return whether the job has more than one host */
    public boolean isDistributed() {
        return hosts.size() > 1;
    }

    /** @return the first host in host order: the one that writes shared outputs and coordinates the others */
    public String leader() {
        return hosts.get(0);
    }

    /** @return whether this container is the {@linkplain #leader() leader} */
    public boolean isLeader() {
        return leader().equals(currentHost);
    }

    /** @return this host's index in host order, 0 for the leader */
    public int rank() {
        return hosts.indexOf(currentHost);
    }

    /**
     * @param file a {@code resourceconfig.json}
     * @return its configuration
     * @throws TrainingException naming the file and the field when it is malformed
     */
    public static ResourceConfig read(Path file) {
        Map<String, Object> o = ConfigFiles.readObject(file);
        String where = file.toString();
        List<InstanceGroup> groups = new ArrayList<>();
        Object rawGroups = o.get("instance_groups");
        if (rawGroups instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                groups.add(InstanceGroup.fromJson(list.get(i), where + " instance_groups[" + i + "]"));
            }
        } else if (rawGroups != null) {
            throw new TrainingException(where + ": \"instance_groups\" must be an array, found "
                    + ConfigFiles.describe(rawGroups));
        }
        List<String> hosts = ConfigFiles.texts(o, "hosts", where);
        if (hosts.isEmpty()) {
            throw new TrainingException(where + ": \"hosts\" is missing or empty; list every host of the job, such as"
                    + " [\"algo-1\"]");
        }
        try {
            return new ResourceConfig(ConfigFiles.requiredText(o, "current_host", where), hosts,
                    ConfigFiles.text(o, "network_interface_name", where),
                    ConfigFiles.text(o, "current_instance_type", where),
                    ConfigFiles.text(o, "current_group_name", where), groups);
        } catch (TrainingException e) {
            throw new TrainingException(where + " is malformed: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the file as SageMaker does (absent optional fields are left out).
     *
     * @param file where to write it (its folder is created)
     */
    public void write(Path file) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("current_host", currentHost);
        o.put("hosts", hosts);
        if (networkInterfaceName != null) {
            o.put("network_interface_name", networkInterfaceName);
        }
        if (currentInstanceType != null) {
            o.put("current_instance_type", currentInstanceType);
        }
        if (currentGroupName != null) {
            o.put("current_group_name", currentGroupName);
        }
        List<Object> groups = new ArrayList<>();
        instanceGroups.forEach(g -> groups.add(g.toJson()));
        o.put("instance_groups", groups);
        ConfigFiles.write(file, o);
    }

    private static int compareHosts(String a, String b) {
        Matcher ma = DIGITS.matcher(a);
        Matcher mb = DIGITS.matcher(b);
        while (ma.find() && mb.find()) {
            String pa = ma.group();
            String pb = mb.group();
            int c;
            if (Character.isDigit(pa.charAt(0)) && Character.isDigit(pb.charAt(0))) {
                c = new java.math.BigInteger(pa).compareTo(new java.math.BigInteger(pb));
            } else {
                c = pa.compareTo(pb);
            }
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }
}
