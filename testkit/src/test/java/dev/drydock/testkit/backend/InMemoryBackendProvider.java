package dev.drydock.testkit.backend;

import dev.drydock.core.Backend;
import dev.drydock.core.BackendSettings;
import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.spi.BackendProvider;
import dev.drydock.core.spi.BackendSetting;
import dev.drydock.testkit.InMemoryBackend;

import java.util.List;

/**
 * A backend added by a test alone: registered in this module's test {@code META-INF/services}, with no edit in
 * core or examples, and picked by name like drydock's own.
 */
public final class InMemoryBackendProvider implements BackendProvider {
    static final BackendSetting HOME = BackendSetting.of("home", "where models are extracted (<home>/models)");

    @Override
    public List<String> names() {
        return List.of("in-memory");
    }

    @Override
    public List<BackendSetting> settings(String name) {
        return List.of(HOME);
    }

    @Override
    public String description(String name) {
        return "the testkit's fakes";
    }

    @Override
    public Backend create(String name, BackendSettings settings) {
        return new InMemoryBackend(name, settings.path(HOME.key()).orElseThrow(() ->
                new ConfigurationException("home must be set: the in-memory backend extracts models into <home>/models"))
                .resolve("models"));
    }
}
