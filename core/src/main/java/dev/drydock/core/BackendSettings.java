package dev.drydock.core;

import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.model.DurationText;
import dev.drydock.core.spi.BackendSetting;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A backend's settings as plain names and values ({@code home=/data/drydock}, {@code region=eu-west-1}), filled
 * alike from a properties file, the environment or command-line options, and read by the backend's provider with
 * typed getters whose errors name what the user typed ({@code --memory "2gigs"}, {@code DRYDOCK_MEMORY "2gigs"}).
 *
 * <p>Immutable. Values set explicitly ({@link #of}, {@link #with}, a properties file) must be settings the chosen
 * backend documents, so a typo is refused; values from the environment are only read for the keys a backend
 * documents, since unrelated {@code DRYDOCK_*} variables may be set. Blank values count as not set.
 */
public final class BackendSettings {
    private static final BackendSettings EMPTY = new BackendSettings(Map.of());

    private final Map<String, Value> values;

    private BackendSettings(Map<String, Value> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** No settings: every backend's defaults. */
    public static BackendSettings empty() {
        return EMPTY;
    }

    /** Explicit settings, named by their keys in messages. */
    public static BackendSettings of(Map<String, String> settings) {
        BackendSettings s = EMPTY;
        for (Map.Entry<String, String> e : new TreeMap<>(settings).entrySet()) {
            s = s.with(e.getKey(), e.getValue());
        }
        return s;
    }

    /** Explicit settings from {@code key, value, key, value, ...}. */
    public static BackendSettings of(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("settings come in key, value pairs; got an odd count " + keysAndValues.length);
        }
        BackendSettings s = EMPTY;
        for (int i = 0; i < keysAndValues.length; i += 2) {
            s = s.with(keysAndValues[i], keysAndValues[i + 1]);
        }
        return s;
    }

    /**
     * Settings from a properties file such as {@code drydock.properties}; {@code backend} is kept like any key (read
     * it with {@link #get}, {@link Backends#fromSettings} does).
     *
     * @throws ConfigurationException when the file is missing or unreadable
     */
    public static BackendSettings load(Path propertiesFile) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("settings file " + propertiesFile.toAbsolutePath() + " does not exist: check the path");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException("cannot read settings file " + propertiesFile.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        BackendSettings s = EMPTY;
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            s = s.with(key, p.getProperty(key), key + " (in " + propertiesFile.toAbsolutePath() + ")");
        }
        return s;
    }

    /**
     * The {@code DRYDOCK_*} variables of {@code environment} as settings ({@code DRYDOCK_DOCKER_HOST} is
     * {@code docker-host}), not checked against a backend's keys: see the class comment.
     */
    public static BackendSettings fromEnvironment(Map<String, String> environment) {
        Map<String, Value> found = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("DRYDOCK_") && name.length() > "DRYDOCK_".length() && value != null && !value.isBlank()) {
                String key = name.substring("DRYDOCK_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
                found.put(key, new Value(value.strip(), name, false));
            }
        });
        return new BackendSettings(found);
    }

    /** This process's {@code DRYDOCK_*} variables as settings. */
    public static BackendSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** These settings with {@code key} set explicitly to {@code value}; a {@code null} or blank value removes it. */
    public BackendSettings with(String key, String value) {
        return with(key, value, key);
    }

    /**
     * These settings with {@code key} set explicitly to {@code value}, named {@code origin} in messages (the option
     * the user typed, such as {@code --memory}); a {@code null} or blank value leaves the key as it was.
     */
    public BackendSettings with(String key, String value, String origin) {
        Objects.requireNonNull(key, "key");
        if (value == null || value.isBlank()) {
            return this;
        }
        Map<String, Value> copy = new TreeMap<>(values);
        copy.put(key.strip(), new Value(value.strip(), origin == null ? key : origin, true));
        return new BackendSettings(copy);
    }

    /** These settings with every value of {@code other} replacing this one's: {@code defaults.overriddenBy(options)}. */
    public BackendSettings overriddenBy(BackendSettings other) {
        Map<String, Value> copy = new TreeMap<>(values);
        copy.putAll(other.values);
        return new BackendSettings(copy);
    }

    /** These settings without {@code key}. */
    public BackendSettings without(String key) {
        Map<String, Value> copy = new TreeMap<>(values);
        copy.remove(key);
        return new BackendSettings(copy);
    }

    /** Every key that has a value. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** The keys that were set explicitly (not from the environment): those a backend must document. */
    public Set<String> explicitKeys() {
        Set<String> keys = new TreeSet<>();
        values.forEach((k, v) -> {
            if (v.explicit()) {
                keys.add(k);
            }
        });
        return keys;
    }

    /** The value of {@code key}, when set. */
    public Optional<String> get(String key) {
        Value v = values.get(key);
        return v == null ? Optional.empty() : Optional.of(v.text());
    }

    /** The value of {@code key}, or its documented default. */
    public Optional<String> get(BackendSetting setting) {
        return get(setting.key()).or(setting::defaultIfAny);
    }

    /** What the user wrote to set {@code key}: the option, variable or file key; the key itself when not set. */
    public String origin(String key) {
        Value v = values.get(key);
        return v == null ? key : v.origin();
    }

    /**
     * The value of {@code key}.
     *
     * @param fix how to set it, for the error (such as {@code "pass --bucket NAME or set DRYDOCK_BUCKET"})
     * @throws ConfigurationException when it is not set
     */
    public String require(String key, String fix) {
        return get(key).orElseThrow(() -> new ConfigurationException(key + " must be set: " + fix));
    }

    /** {@code key} as a path; relative paths are against the working directory. */
    public Optional<Path> path(String key) {
        return typed(key, text -> {
            try {
                return Path.of(text).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("is not a valid path: " + e.getReason());
            }
        });
    }

    /** {@code key} as a positive duration ({@link DurationText}). */
    public Optional<Duration> duration(String key) {
        return typed(key, DurationText::parse);
    }

    /** {@code key} as {@code true} or {@code false} (also {@code yes}/{@code no}, {@code 1}/{@code 0}). */
    public Optional<Boolean> flag(String key) {
        return typed(key, text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        });
    }

    /** {@code key} as an absolute {@code http(s)} URI, such as {@code http://127.0.0.1:4566}. */
    public Optional<URI> httpUri(String key) {
        return typed(key, text -> {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("is not a URI (" + e.getReason() + " at character " + (e.getIndex() + 1)
                        + "): give one such as http://127.0.0.1:4566");
            }
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("must be an http:// or https:// URI with a host, such as http://127.0.0.1:4566");
            }
            return uri;
        });
    }

    /**
     * {@code key} converted by {@code parse}, whose {@link IllegalArgumentException} message is the rule broken; the
     * error names the origin and the value.
     */
    public <T> Optional<T> typed(String key, Function<String, T> parse) {
        Value v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(v.text()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(v.origin() + " \"" + v.text() + "\" " + e.getMessage(), e);
        }
    }

    /** Keys and origins; values of keys that look secret are masked. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("BackendSettings{");
        values.forEach((k, v) -> s.append(s.length() > 16 ? ", " : "").append(k).append('=')
                .append(k.matches(".*(secret|password|token|key).*") ? "****" : v.text()));
        return s.append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackendSettings other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    private record Value(String text, String origin, boolean explicit) {
    }
}
