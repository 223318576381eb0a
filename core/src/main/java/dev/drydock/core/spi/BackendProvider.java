package dev.drydock.core.spi;

import dev.drydock.core.Backend;
import dev.drydock.core.BackendSettings;

import java.util.List;

/**
 * Makes {@link Backend}s by name: the service-provider interface that {@link dev.drydock.core.Backends} finds with
 * {@link java.util.ServiceLoader}. An adapter module registers its provider in
 * {@code META-INF/services/dev.drydock.core.spi.BackendProvider}; adding a backend then needs no edit anywhere
 * else, as a Beam runner registers itself.
 *
 * <p>A provider must have a public no-argument constructor and must not contact anything until
 * {@link #create} is called.
 */
public interface BackendProvider {

    /** The names this provider answers to, lower case (such as {@code process} and {@code docker}). */
    List<String> names();

    /** The settings backend {@code name} reads, documented; any other key given explicitly is refused. */
    List<BackendSetting> settings(String name);

    /** One line on what backend {@code name} is, for listings and error messages. */
    String description(String name);

    /**
     * Builds backend {@code name} from {@code settings}.
     *
     * @throws dev.drydock.core.error.ConfigurationException naming each setting that is missing or malformed, with
     *                                                        its fix, before anything is contacted or created
     */
    Backend create(String name, BackendSettings settings);
}
