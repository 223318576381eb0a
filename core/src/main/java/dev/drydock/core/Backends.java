package dev.drydock.core;

import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.spi.BackendProvider;
import dev.drydock.core.spi.BackendSetting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Picks a {@link Backend} by name among the {@link BackendProvider}s on the class path, as Beam's
 * {@code PipelineRunner.fromOptions} picks a runner:
 *
 * <pre>{@code
 * try (Drydock drydock = Drydock.on(Backends.named("docker", BackendSettings.of("home", "/data/drydock")))) { ... }
 * try (Drydock drydock = Drydock.fromEnvironment()) { ... }   // DRYDOCK_BACKEND, DRYDOCK_HOME, ...
 * }</pre>
 *
 * <p>{@value #DEFAULT} (the trainer as a child process, no Docker needed) is the default. A name that no provider
 * answers to is an error that lists the names found and the module that brings a missing one.
 */
public final class Backends {
    /** The backend used when none is named. */
    public static final String DEFAULT = "process";
    /** The setting (and {@code DRYDOCK_BACKEND} variable) that names the backend in {@link #fromSettings}. */
    public static final String BACKEND_KEY = "backend";

    /** drydock's own backends and the artifact that brings each, for the error when one is missing. */
    private static final Map<String, String> KNOWN_MODULES = Map.of(
            "process", "dev.drydock:drydock-local-adapter",
            "docker", "dev.drydock:drydock-local-adapter",
            "sagemaker", "dev.drydock:drydock-aws-adapter");

    private Backends() {
    }

    /**
     * Backend {@code name} built from {@code settings}.
     *
     * @throws ConfigurationException when no provider has that name (the message lists those that are here and how
     *                                to add a missing one), when an explicit setting is not one the backend documents,
     *                                or when the provider refuses a setting
     */
    public static Backend named(String name, BackendSettings settings) {
        String wanted = name == null || name.isBlank() ? DEFAULT : name.strip().toLowerCase(Locale.ROOT);
        Map<String, BackendProvider> providers = providers();
        BackendProvider provider = providers.get(wanted);
        if (provider == null) {
            throw new ConfigurationException(missing(wanted, providers));
        }
        List<BackendSetting> documented = provider.settings(wanted);
        rejectUnknown(wanted, settings, documented);
        return provider.create(wanted, settings);
    }

    /** Backend {@code name} with its defaults. */
    public static Backend named(String name) {
        return named(name, BackendSettings.empty());
    }

    /** The backend that setting {@value #BACKEND_KEY} names ({@value #DEFAULT} when none), built from the rest. */
    public static Backend fromSettings(BackendSettings settings) {
        return named(settings.get(BACKEND_KEY).orElse(DEFAULT), settings.without(BACKEND_KEY));
    }

    /** The backend {@code DRYDOCK_BACKEND} names, built from the other {@code DRYDOCK_*} variables. */
    public static Backend fromEnvironment() {
        return fromSettings(BackendSettings.fromEnvironment());
    }

    /** The names of the backends on the class path, sorted. */
    public static List<String> available() {
        return List.copyOf(providers().keySet());
    }

    /**
     * The documented settings of backend {@code name}.
     *
     * @throws ConfigurationException when there is no such backend
     */
    public static List<BackendSetting> settings(String name) {
        Map<String, BackendProvider> providers = providers();
        BackendProvider p = providers.get(name);
        if (p == null) {
            throw new ConfigurationException(missing(name, providers));
        }
        return p.settings(name);
    }

    /** One line on backend {@code name}, when it is on the class path. */
    public static Optional<String> description(String name) {
        return Optional.ofNullable(providers().get(name)).map(p -> p.description(name));
    }

    private static void rejectUnknown(String name, BackendSettings settings, List<BackendSetting> documented) {
        Set<String> keys = documented.stream().map(BackendSetting::key).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (String key : settings.explicitKeys()) {
            if (!keys.contains(key)) {
                String near = nearest(key, keys);
                problems.add(settings.origin(key) + " \"" + settings.get(key).orElse("") + "\" is not a setting of the " + name + " backend"
                        + (near != null ? " (did you mean " + near + "?)" : "") + elsewhere(key, name));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(String.join("; ", problems) + ". The " + name + " backend's settings are: "
                    + documented.stream().map(BackendSetting::key).sorted().collect(Collectors.joining(", ")));
        }
    }

    /** Which other backends take {@code key}, so that {@code --memory} on the process backend says where it works. */
    private static String elsewhere(String key, String name) {
        List<String> others = new ArrayList<>();
        providers().forEach((other, p) -> {
            if (!other.equals(name) && p.settings(other).stream().anyMatch(s -> s.key().equals(key))) {
                others.add(other);
            }
        });
        return others.isEmpty() ? "" : ": only the " + String.join(", ", others) + " backend" + (others.size() > 1 ? "s take" : " takes")
                + " it (choose " + (others.size() > 1 ? "one of them" : "that backend") + ", or leave it out)";
    }

    private static String missing(String wanted, Map<String, BackendProvider> providers) {
        StringBuilder m = new StringBuilder("no backend named \"" + wanted + "\" is on the class path; the backends here are: ");
        m.append(providers.isEmpty() ? "none" : providers.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue().description(e.getKey()) + ")").collect(Collectors.joining(", ")));
        String module = KNOWN_MODULES.get(wanted);
        if (module != null) {
            m.append(". To use ").append(wanted).append(", add ").append(module).append(" to the class path");
        } else {
            String near = nearest(wanted, new java.util.TreeSet<>(providers.keySet()));
            if (near == null) {
                near = nearest(wanted, KNOWN_MODULES.keySet());
            }
            m.append(near != null ? ". Did you mean " + near + "?" : ".")
                    .append(" A backend of your own is found when its module registers a dev.drydock.core.spi.BackendProvider"
                            + " in META-INF/services");
        }
        return m.toString();
    }

    /** Every name of every provider found, sorted; a name claimed twice is an error naming both providers. */
    private static Map<String, BackendProvider> providers() {
        Map<String, BackendProvider> byName = new TreeMap<>();
        Map<String, String> claimedBy = new LinkedHashMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ServiceLoader<BackendProvider> found = ServiceLoader.load(BackendProvider.class,
                loader != null ? loader : Backends.class.getClassLoader());
        try {
            for (BackendProvider p : found) {
                for (String n : p.names()) {
                    String previous = claimedBy.putIfAbsent(n, p.getClass().getName());
                    if (previous != null && !previous.equals(p.getClass().getName())) {
                        throw new ConfigurationException("backend name \"" + n + "\" is claimed by two providers, " + previous
                                + " and " + p.getClass().getName() + ": remove one of them from the class path");
                    }
                    byName.putIfAbsent(n, p);
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new ConfigurationException("a backend provider on the class path cannot be loaded: " + e.getMessage(), e);
        }
        return byName;
    }

    /** The candidate within edit distance 2 of {@code key}, if any. */
    private static String nearest(String key, Set<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String c : candidates) {
            int d = distance(key, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
