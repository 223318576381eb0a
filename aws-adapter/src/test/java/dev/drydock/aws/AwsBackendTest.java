package dev.drydock.aws;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.ArtifactStore;
import dev.drydock.core.port.ImageRegistry;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Wiring: builder, Guice module, configuration errors, and that no secret shows in toString or log lines. */
class AwsBackendTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String SESSION = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";

    @Test
    void build_whenRegionUnknown_throwsConfigurationNamingValidOnes() {
        assertThatThrownBy(() -> AwsBackend.builder().region("eu-nowhere-9").credentials("AKIAEXAMPLE123456", SECRET).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown AWS region \"eu-nowhere-9\"")
                .hasMessageContaining("us-east-1");
    }

    @Test
    void build_whenRegionUnknownButEndpointOverridden_acceptsIt() {
        try (AwsBackend aws = AwsBackend.builder().region("localstack-1").credentials("test", "test")
                .endpointOverride(AwsService.S3, URI.create("http://127.0.0.1:4566")).build()) {
            assertThat(aws.region()).isEqualTo("localstack-1");
        }
    }

    @Test
    void toString_whenExplicitCredentials_showsNoSecret() {
        AwsBackend.Builder builder = AwsBackend.builder().region("eu-west-1")
                .credentials("AKIAIOSFODNN7EXAMPLE", SECRET, SESSION).roleArn(SageMakerTrainingBackendTest.ROLE);
        try (AwsBackend aws = builder.build()) {
            assertThat(aws.toString()).doesNotContain(SECRET).doesNotContain(SESSION).doesNotContain("AKIAIOSFODNN7EXAMPLE")
                    .contains("AKIA****MPLE").contains("eu-west-1");
            assertThat(builder.toString()).doesNotContain(SECRET).doesNotContain(SESSION);
        }
    }

    @Test
    void ecrCredentials_whenPrintedOrMalformed_neverShowThePassword() {
        String token = Base64.getEncoder().encodeToString(("AWS:" + SECRET).getBytes(StandardCharsets.UTF_8));
        EcrCredentials login = EcrCredentials.decode(token, "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com", Instant.now());

        assertThat(login.username()).isEqualTo("AWS");
        assertThat(login.password()).isEqualTo(SECRET);
        assertThat(login.toString()).doesNotContain(SECRET).contains("****");
        assertThat(login.registryHost()).isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com");
        assertThatThrownBy(() -> EcrCredentials.decode(SECRET, "https://x", Instant.now()))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }

    @Test
    void guiceModule_whenInjected_bindsTheFourPortsToTheAwsAdapters() {
        Injector injector = Guice.createInjector(new AwsBackendModule(AwsBackend.builder().region("eu-west-1")
                .credentials("AKIAIOSFODNN7EXAMPLE", SECRET).roleArn(SageMakerTrainingBackendTest.ROLE).bucket("drydock-data")));
        try (AwsBackend aws = injector.getInstance(AwsBackend.class)) {
            assertThat(injector.getInstance(Storage.class)).isInstanceOf(S3Storage.class);
            assertThat(injector.getInstance(ArtifactStore.class)).isInstanceOf(S3ArtifactStore.class);
            assertThat(injector.getInstance(TrainingBackend.class)).isInstanceOf(ResilientTrainingBackend.class)
                    .extracting(TrainingBackend::name).isEqualTo("sagemaker");
            assertThat(injector.getInstance(ImageRegistry.class)).isInstanceOf(EcrImageRegistry.class);
            assertThat(injector.getInstance(TrainingBackend.class)).isSameAs(aws.trainingBackend());
            assertThat(aws.location("inputs/")).isEqualTo(StorageUri.s3("drydock-data", "inputs/"));
        }
    }

    @Test
    void location_whenNoBucketConfigured_throwsConfiguration() {
        try (AwsBackend aws = AwsBackend.builder().region("eu-west-1").credentials("AKIAIOSFODNN7EXAMPLE", SECRET).build()) {
            assertThatThrownBy(() -> aws.location("x/")).isInstanceOf(ConfigurationException.class).hasMessageContaining("bucket(");
        }
    }

    @Test
    void adapters_whenBackendClosed_areRefusedRatherThanUsingClosedClients() {
        AwsBackend aws = AwsBackend.builder().region("eu-west-1").credentials("AKIAIOSFODNN7EXAMPLE", SECRET)
                .roleArn(SageMakerTrainingBackendTest.ROLE).build();
        aws.storage();

        aws.close();

        assertThatThrownBy(aws::storage).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(aws::trainingBackend).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(aws::artifactStore).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(aws::imageRegistry).isInstanceOf(IllegalStateException.class);
    }
}
