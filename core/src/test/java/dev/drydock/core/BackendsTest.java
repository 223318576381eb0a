package dev.drydock.core;

import dev.drydock.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackendsTest {

    @Test
    void named_whenProviderRegisteredOnlyInATest_findsItBySettingsAndName() {
        Backend b = Backends.named("core-test", BackendSettings.of("home", "/data/x", "grace-period", "90s"));
        assertThat(b).isInstanceOf(NamedTestBackendProvider.TestBackend.class);
        NamedTestBackendProvider.TestBackend t = (NamedTestBackendProvider.TestBackend) b;
        assertThat(t.name()).isEqualTo("core-test");
        assertThat(t.home()).isEqualTo(Path.of("/data/x"));
        assertThat(t.grace()).isEqualTo(Duration.ofSeconds(90));
        assertThat(Backends.available()).contains("core-test", "core-test-2");
    }

    @Test
    void named_whenNameDiffersInCase_findsIt() {
        assertThat(Backends.named("CORE-TEST").name()).isEqualTo("core-test");
    }

    @Test
    void named_whenDrydocksOwnBackendMissing_namesTheModuleThatBringsIt() {
        assertThatThrownBy(() -> Backends.named("sagemaker"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no backend named \"sagemaker\"")
                .hasMessageContaining("core-test (a test backend)")
                .hasMessageContaining("add dev.drydock:drydock-aws-adapter to the class path");
    }

    @Test
    void named_whenTypo_suggestsTheNearestAndHowToRegisterOne() {
        assertThatThrownBy(() -> Backends.named("core-tst"))
                .hasMessageContaining("Did you mean core-test?")
                .hasMessageContaining("META-INF/services");
    }

    @Test
    void named_whenExplicitSettingIsUnknown_refusesItWithTheDocumentedOnes() {
        assertThatThrownBy(() -> Backends.named("core-test", BackendSettings.empty().with("hom", "/x", "--hom")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("--hom \"/x\" is not a setting of the core-test backend (did you mean home?)")
                .hasMessageContaining("settings are: grace-period, home");
    }

    @Test
    void named_whenUnknownKeyComesFromTheEnvironment_ignoresIt() {
        BackendSettings env = BackendSettings.fromEnvironment(Map.of("DRYDOCK_JAVA_OPTS", "-Xmx1g", "DRYDOCK_HOME", "/srv/d"));
        NamedTestBackendProvider.TestBackend t = (NamedTestBackendProvider.TestBackend) Backends.named("core-test", env);
        assertThat(t.home()).isEqualTo(Path.of("/srv/d"));
    }

    @Test
    void named_whenSettingMalformed_errorNamesWhatTheUserTyped() {
        BackendSettings env = BackendSettings.fromEnvironment(Map.of("DRYDOCK_GRACE_PERIOD", "10 minutes"));
        assertThatThrownBy(() -> Backends.named("core-test", env))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("DRYDOCK_GRACE_PERIOD \"10 minutes\" is not a duration: give a positive duration such as 90s");
    }

    @Test
    void fromSettings_whenBackendKeySet_picksThatBackendAndPassesTheRest() {
        Backend b = Backends.fromSettings(BackendSettings.of("backend", "core-test-2", "home", "/h"));
        assertThat(b.name()).isEqualTo("core-test-2");
        assertThat(b.workDirectory()).isEqualTo(Path.of("/h/models"));
    }

    @Test
    void drydockNamed_ownsTheBackend_closeClosesIt_whileOnDoesNot() {
        int before = NamedTestBackendProvider.CLOSED.get();
        Backend mine = Backends.named("core-test");
        Drydock.on(mine).close();
        assertThat(NamedTestBackendProvider.CLOSED.get()).isEqualTo(before);
        // The test backend's ports throw when called, so the facade must not touch them to be built.
        Drydock.named("core-test", BackendSettings.empty()).close();
        assertThat(NamedTestBackendProvider.CLOSED.get()).isEqualTo(before + 1);
    }
}
