package dev.drydock.core.model;

import dev.drydock.core.error.Violations;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The VPC a cloud job's hosts join. Local backends record it and run without network access to the outside.
 *
 * @param securityGroupIds 1 to 5 security group ids ({@code sg-...})
 * @param subnets          1 to 16 subnet ids ({@code subnet-...})
 */
public record VpcConfig(List<String> securityGroupIds, List<String> subnets) {
    private static final Pattern ID = Pattern.compile("[-0-9a-zA-Z]+");

    /** Validates the counts and ids. */
    public VpcConfig {
        securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
        Violations v = new Violations();
        v.check(!securityGroupIds.isEmpty() && securityGroupIds.size() <= 5, "securityGroupIds", securityGroupIds, "must list 1 to 5 ids");
        v.check(!subnets.isEmpty() && subnets.size() <= 16, "subnets", subnets, "must list 1 to 16 ids");
        for (String id : securityGroupIds) {
            v.check(ID.matcher(id).matches() && id.length() <= 32, "securityGroupIds", id, "must be an id such as sg-0123456789abcdef0");
        }
        for (String id : subnets) {
            v.check(ID.matcher(id).matches() && id.length() <= 32, "subnets", id, "must be an id such as subnet-0123456789abcdef0");
        }
        v.throwIfAny();
    }
}
