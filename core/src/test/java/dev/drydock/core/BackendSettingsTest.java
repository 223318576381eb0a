package dev.drydock.core;

import dev.drydock.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackendSettingsTest {

    @Test
    void fromEnvironment_mapsDrydockVariablesToKeys_andSkipsBlankAndOthers() {
        BackendSettings s = BackendSettings.fromEnvironment(Map.of("DRYDOCK_DOCKER_HOST", "tcp://127.0.0.1:2375",
                "DRYDOCK_MEMORY", " ", "AWS_REGION", "eu-west-1"));
        assertThat(s.keys()).containsExactly("docker-host");
        assertThat(s.origin("docker-host")).isEqualTo("DRYDOCK_DOCKER_HOST");
        assertThat(s.explicitKeys()).isEmpty();
    }

    @Test
    void overriddenBy_whenOptionGiven_replacesTheEnvironmentValue() {
        BackendSettings env = BackendSettings.fromEnvironment(Map.of("DRYDOCK_HOME", "/env"));
        BackendSettings s = env.overriddenBy(BackendSettings.empty().with("home", "/opt", "--home"));
        assertThat(s.get("home")).contains("/opt");
        assertThat(s.origin("home")).isEqualTo("--home");
        assertThat(s.explicitKeys()).containsExactly("home");
    }

    @Test
    void load_readsAPropertiesFile_andNamesTheFileInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("drydock.properties");
        Files.writeString(file, "backend=docker\npath-style=maybe\n");
        BackendSettings s = BackendSettings.load(file);
        assertThat(s.get("backend")).contains("docker");
        assertThatThrownBy(() -> s.flag("path-style")).isInstanceOf(ConfigurationException.class)
                .hasMessage("path-style (in " + file + ") \"maybe\" must be true or false");
        assertThatThrownBy(() -> BackendSettings.load(dir.resolve("missing.properties")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void httpUri_whenMalformed_saysWhereAndGivesAnExample() {
        BackendSettings s = BackendSettings.empty().with("endpoint-url", "ht tp://x", "--endpoint-url");
        assertThatThrownBy(() -> s.httpUri("endpoint-url")).hasMessageStartingWith("--endpoint-url \"ht tp://x\" is not a URI")
                .hasMessageContaining("http://127.0.0.1:4566");
        assertThat(BackendSettings.of("endpoint-url", "http://127.0.0.1:4566").httpUri("endpoint-url")).isPresent();
    }

    @Test
    void toString_masksSecretLookingKeys() {
        assertThat(BackendSettings.of("secret-access-key", "abc", "region", "eu").toString())
                .doesNotContain("abc").contains("region=eu");
    }
}
