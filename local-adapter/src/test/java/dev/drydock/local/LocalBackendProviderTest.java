package dev.drydock.local;

import dev.drydock.core.Backend;
import dev.drydock.core.BackendSettings;
import dev.drydock.core.Backends;
import dev.drydock.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalBackendProviderTest {
    @TempDir
    Path home;

    @Test
    void named_whenDocker_readsEverySettingAndLaysOutTheHome() {
        try (Backend b = Backends.named("docker", BackendSettings.of("home", home.toString(), "memory", "512m",
                "grace-period", "90s", "docker-host", "tcp://127.0.0.1:2375"))) {
            LocalBackend local = (LocalBackend) b;
            assertThat(local.name()).isEqualTo("docker");
            assertThat(local.config().memoryLimit()).isEqualTo(512L << 20);
            assertThat(local.config().gracePeriod()).isEqualTo(Duration.ofSeconds(90));
            assertThat(local.config().dockerHost()).isEqualTo("tcp://127.0.0.1:2375");
            assertThat(local.config().jobRoot()).isEqualTo(home.resolve("jobs"));
            assertThat(local.stagingPrefix().toPath()).isEqualTo(home.resolve("storage"));
            assertThat(local.workDirectory()).isEqualTo(home.resolve("models"));
        }
        assertThat(home).isEmptyDirectory();
    }

    @Test
    void named_whenProcessWithoutTrainerSetting_runsDrydocksTrainerWhenOnTheClassPathOrSaysHowToSetOne() {
        // The trainer is not on local-adapter's test class path: the error must list the ways to give one.
        assertThatThrownBy(() -> Backends.named("process", BackendSettings.of("home", home.toString())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("trainer-jar (DRYDOCK_TRAINER_JAR)").hasMessageContaining("docker backend");
    }

    @Test
    void named_whenMemoryMalformed_namesTheOptionTheUserTyped() {
        BackendSettings s = BackendSettings.of("home", home.toString()).with("memory", "2gigs", "--memory");
        assertThatThrownBy(() -> Backends.named("docker", s)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("--memory must be a byte count or a size such as 512m or 2g")
                .hasMessageContaining("\"2gigs\"").hasMessageNotContaining("memoryLimit");
    }

    @Test
    void named_whenDockerHostMalformed_saysTheForms() {
        BackendSettings s = BackendSettings.of("home", home.toString()).with("docker-host", "tcp:/x y", "--docker-host");
        assertThatThrownBy(() -> Backends.named("docker", s))
                .hasMessageStartingWith("--docker-host \"tcp:/x y\" must be unix:///path/to/docker.sock or tcp://host:port")
                .hasMessageNotContaining("index");
    }

    @Test
    void named_whenTrainerJarMissing_saysHowToBuildIt() {
        BackendSettings s = BackendSettings.of("home", home.toString(), "trainer-jar", home.resolve("nope.jar").toString());
        assertThatThrownBy(() -> Backends.named("process", s)).hasMessageContaining("is not a file")
                .hasMessageContaining("./mvnw -pl trainer -am package");
    }

    @Test
    void named_whenOnlyPartOfTheRegistryCredentials_refuses() {
        BackendSettings s = BackendSettings.of("home", home.toString(), "registry-user", "me");
        assertThatThrownBy(() -> Backends.named("docker", s)).hasMessageContaining("registry, registry-user and registry-password together");
    }
}
