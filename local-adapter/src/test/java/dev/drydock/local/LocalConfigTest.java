package dev.drydock.local;

import dev.drydock.local.registry.RegistryCredentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalConfigTest {
    private static final RegistryCredentials CREDENTIALS = new RegistryCredentials("127.0.0.1:5001", "AWS", "s3cret-token");

    @Test
    void build_whenOnlyCredentialsGiven_registryIsTheirs() {
        LocalConfig config = LocalConfig.builder().registryCredentials(CREDENTIALS).build();

        assertThat(config.registryIfAny()).contains("127.0.0.1:5001");
        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    @Test
    void build_whenCredentialsForAnotherRegistry_rejectsNamingBoth() {
        assertThatThrownBy(() -> LocalConfig.builder().registry("127.0.0.1:5000").registryCredentials(CREDENTIALS).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.0.0.1:5001").hasMessageContaining("127.0.0.1:5000");
    }

    @Test
    void toString_whenCredentialsSet_hidesThePassword() {
        assertThat(LocalConfig.builder().registryCredentials(CREDENTIALS).build().toString()).doesNotContain("s3cret-token");
    }

    @Test
    void build_whenRegistryBlank_hasNone() {
        assertThat(LocalConfig.builder().registry(" ").build().registryIfAny()).isEmpty();
    }

    @Test
    void build_whenMemoryLimitGivenAsSize_holdsBytesAndSurvivesToBuilder() {
        LocalConfig config = LocalConfig.builder().docker(true).memoryLimit("2g").build();

        assertThat(config.memoryLimitIfAny()).hasValue(2L * 1024 * 1024 * 1024);
        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    @Test
    void build_whenNoMemoryLimit_hasNone() {
        assertThat(LocalConfig.builder().docker(true).build().memoryLimitIfAny()).isEmpty();
    }

    @Test
    void build_whenMemoryLimitTooSmall_rejectsNamingFieldValueAndRule() {
        assertThatThrownBy(() -> LocalConfig.builder().docker(true).memoryLimit(4096L).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memoryLimit")
                .hasMessageContaining("4096 bytes").hasMessageContaining("at least 6 MiB");
        assertThatThrownBy(() -> LocalConfig.builder().memoryLimit("lots"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memoryLimit").hasMessageContaining("\"lots\"");
    }

    @Test
    void build_whenMemoryLimitWithProcessBackend_rejectsSayingItIsDockerOnly() {
        assertThatThrownBy(() -> LocalConfig.builder().memoryLimit("1g").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memory limit (1 GiB)")
                .hasMessageContaining("docker backend only").hasMessageContaining("process backend");
    }
}
