package dev.drydock.core.spi;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One documented setting of a backend: its key (lower case words joined by {@code -}), what it means and its
 * default. The same key is read from a properties file ({@code home=...}), the environment
 * ({@link #environmentVariable()}, {@code DRYDOCK_HOME}) and command-line options ({@code --home}).
 *
 * @param key          such as {@code home} or {@code docker-host}
 * @param description  what it sets, in a sentence
 * @param defaultValue what applies when it is not set, as the user would write it, or {@code null} for none
 */
public record BackendSetting(String key, String description, String defaultValue) {

    /** Validates the key's syntax. */
    public BackendSetting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(description, "description");
        if (!key.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("setting key \"" + key + "\" must be lower-case words joined by '-', such as docker-host");
        }
    }

    /** A setting without a default. */
    public static BackendSetting of(String key, String description) {
        return new BackendSetting(key, description, null);
    }

    /** A setting with a default. */
    public static BackendSetting of(String key, String description, String defaultValue) {
        return new BackendSetting(key, description, defaultValue);
    }

    /** The environment variable that sets it: {@code DRYDOCK_} and the key in upper case with {@code _}. */
    public String environmentVariable() {
        return environmentVariable(key);
    }

    /** The environment variable of {@code key}. */
    public static String environmentVariable(String key) {
        return "DRYDOCK_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The default, when there is one. */
    public Optional<String> defaultIfAny() {
        return Optional.ofNullable(defaultValue);
    }
}
