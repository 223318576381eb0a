package dev.drydock.local.registry;

import dev.drydock.core.error.Violations;

/**
 * A user name and password for one registry (basic auth), for example {@code AWS} and an ECR token. The password
 * never appears in {@link #toString()}.
 *
 * @param registry the registry host with port, such as {@code 127.0.0.1:5000}
 * @param username the user name
 * @param password the password or token
 */
public record RegistryCredentials(String registry, String username, String password) {
    /** Validates that every part is present. */
    public RegistryCredentials {
        Violations v = new Violations();
        v.check(registry != null && !registry.isBlank(), "registry", registry, "must name the registry host, such as 127.0.0.1:5000");
        v.check(username != null && !username.isBlank(), "username", username, "must be present");
        v.check(password != null && !password.isEmpty(), "password", password == null ? null : "***", "must be present");
        v.throwIfAny();
    }

    @Override
    public String toString() {
        return "RegistryCredentials[registry=" + registry + ", username=" + username + ", password=***]";
    }
}
