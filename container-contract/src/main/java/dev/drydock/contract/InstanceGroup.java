package dev.drydock.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code instance_groups} in {@code resourceconfig.json}.
 *
 * @param name {@code instance_group_name}
 * @param instanceType {@code instance_type}, e.g. {@code ml.m5.xlarge}
 * @param hosts {@code hosts}: the hosts of this group
 */
public record InstanceGroup(String name, String instanceType, List<String> hosts) {
    /** Copies the hosts and checks the fields. */
    public InstanceGroup {
        Objects.requireNonNull(name, "instance_group_name");
        Objects.requireNonNull(instanceType, "instance_type");
        hosts = List.copyOf(hosts);
    }

    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instance_group_name", name);
        out.put("instance_type", instanceType);
        out.put("hosts", hosts);
        return out;
    }

    static InstanceGroup fromJson(Object value, String where) {
        Map<String, Object> o = ConfigFiles.asObject(value, where);
        return new InstanceGroup(ConfigFiles.requiredText(o, "instance_group_name", where),
                ConfigFiles.requiredText(o, "instance_type", where), ConfigFiles.texts(o, "hosts", where));
    }
}
