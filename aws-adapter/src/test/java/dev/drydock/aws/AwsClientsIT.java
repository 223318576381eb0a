package dev.drydock.aws;

import dev.drydock.core.model.JobName;
import dev.drydock.core.model.StorageUri;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The SDK clients an {@link AwsBackend} makes, seen on the wire of a real HTTP server on 127.0.0.1: one endpoint
 * setting reaches every service, and the customizer's changes reach every client.
 */
class AwsClientsIT {
    private RecordingHttpServer server;

    @BeforeEach
    void start() {
        server = RecordingHttpServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void endpointUrl_whenSet_sendsEveryServicesCallsThereWithTheCustomizersChanges(@TempDir Path tmp) throws Exception {
        Set<String> httpClientsCustomized = ConcurrentHashMap.newKeySet();
        AwsClientCustomizer customizer = new AwsClientCustomizer() {
            @Override
            public void overrides(AwsService service, ClientOverrideConfiguration.Builder overrides) {
                overrides.putHeader("x-drydock-test", service.name());
            }

            @Override
            public void httpClient(AwsService service, Apache5HttpClient.Builder http) {
                http.expectContinueEnabled(false);
                httpClientsCustomized.add(service + "/sync");
            }

            @Override
            public void asyncHttpClient(AwsService service, NettyNioAsyncHttpClient.Builder http) {
                httpClientsCustomized.add(service + "/async");
            }
        };
        try (AwsBackend aws = AwsBackend.builder().region("eu-west-1").credentials("test-access-key", "test-secret-key")
                .endpointUrl(server.endpoint()).pathStyleAccess(true).clientCustomizer(customizer)
                .policies(ResiliencePolicies.none().withSdkMaxAttempts(1)).build()) {
            // The server answers 200 with no body: what each call makes of that does not matter here, only where it went.
            catchThrowable(() -> aws.storage().exists(StorageUri.parse("s3://bucket/key")));
            catchThrowable(() -> aws.storage().put(Files.writeString(tmp.resolve("a.csv"), "x\n"), StorageUri.parse("s3://bucket/a.csv")));
            catchThrowable(() -> aws.trainingBackend().describe(JobName.of("a-job")));
            catchThrowable(() -> aws.trainingBackend().readLogs(JobName.of("a-job"), dev.drydock.core.model.LogCursor.START));
            catchThrowable(() -> aws.imageRegistry().resolve(
                    dev.drydock.core.model.ImageReference.parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com/trainer:v1")));
        }

        List<RecordingHttpServer.Request> got = server.requests();
        assertThat(got).extracting(r -> r.header("x-drydock-test")).contains("S3", "SAGEMAKER", "LOGS", "ECR");
        assertThat(got).filteredOn(r -> "SAGEMAKER".equals(r.header("x-drydock-test")))
                .extracting(r -> r.header("x-amz-target")).contains("SageMaker.DescribeTrainingJob");
        assertThat(got).filteredOn(r -> "ECR".equals(r.header("x-drydock-test")))
                .extracting(r -> r.header("x-amz-target")).contains("AmazonEC2ContainerRegistry_V20150921.DescribeImages");
        assertThat(got).filteredOn(r -> "PUT".equals(r.method())).extracting(RecordingHttpServer.Request::path)
                .contains("/bucket/a.csv");
        assertThat(httpClientsCustomized).contains("S3/sync", "S3/async", "SAGEMAKER/sync", "LOGS/sync", "ECR/sync");
    }

    @Test
    void endpointOverride_whenAlsoSetForOneService_winsForThatService() {
        try (RecordingHttpServer other = RecordingHttpServer.start();
             AwsBackend aws = AwsBackend.builder().region("eu-west-1").credentials("test-access-key", "test-secret-key")
                     .endpointUrl(server.endpoint()).endpointOverride(AwsService.S3, other.endpoint()).pathStyleAccess(true)
                     .policies(ResiliencePolicies.none().withSdkMaxAttempts(1)).build()) {
            catchThrowable(() -> aws.storage().exists(StorageUri.parse("s3://bucket/key")));
            catchThrowable(() -> aws.trainingBackend().describe(JobName.of("a-job")));

            assertThat(other.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.header("x-amz-target")).isNull());
            assertThat(server.requests()).extracting(r -> r.header("x-amz-target")).contains("SageMaker.DescribeTrainingJob");
        }
    }

    @Test
    void noEndpointSetting_leavesTheSdksOwnEndpointSettingInCharge() {
        // The SDK reads AWS_ENDPOINT_URL (system property aws.endpointUrl first) only when a client has no endpoint
        // override: drydock must set none of its own. The property stands for the variable, which a test cannot set.
        System.setProperty("aws.endpointUrl", server.endpoint().toString());
        try (AwsBackend aws = AwsBackend.builder().region("eu-west-1").credentials("test-access-key", "test-secret-key")
                .policies(ResiliencePolicies.none().withSdkMaxAttempts(1)).build()) {
            catchThrowable(() -> aws.trainingBackend().describe(JobName.of("a-job")));
        } finally {
            System.clearProperty("aws.endpointUrl");
        }

        assertThat(server.requests()).extracting(r -> r.header("x-amz-target")).contains("SageMaker.DescribeTrainingJob");
    }
}
