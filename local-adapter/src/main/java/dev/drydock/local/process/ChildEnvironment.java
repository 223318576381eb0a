package dev.drydock.local.process;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment a trainer child process starts with: what a JVM (and the programs it may start) needs from this
 * process's environment, then the job's own variables, as a Docker container or a SageMaker instance gets only the
 * job's environment. Nothing else passes, so the caller's {@code AWS_SECRET_ACCESS_KEY}, tokens and
 * {@code *PASSWORD*} variables never reach the trainer or its logs.
 */
final class ChildEnvironment {
    /** Variables passed through: finding programs and libraries, the user, the locale (the JVM's default charset). */
    static final Set<String> PASSED = Set.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ",
            "LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH", "JAVA_HOME",
            // Windows: a JVM does not start without these.
            "SYSTEMROOT", "SystemRoot", "WINDIR", "COMSPEC", "PATHEXT", "TEMP", "TMP");
    /** Prefix of the locale variables, also passed through. */
    static final String LOCALE_PREFIX = "LC_";

    private ChildEnvironment() {
    }

    /**
     * The child's environment: the {@link #PASSED} and {@code LC_*} variables of {@code parent}, then {@code job}'s
     * (which win), then {@code OMP_WAIT_POLICY=PASSIVE} unless the job sets it (XGBoost's OpenMP threads spin while
     * waiting otherwise, which slows fits 5-10x on a small machine).
     */
    static Map<String, String> of(Map<String, String> parent, Map<String, String> job) {
        Map<String, String> env = new TreeMap<>();
        parent.forEach((name, value) -> {
            if (PASSED.contains(name) || name.startsWith(LOCALE_PREFIX)) {
                env.put(name, value);
            }
        });
        env.putAll(job);
        env.putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
        return env;
    }
}
