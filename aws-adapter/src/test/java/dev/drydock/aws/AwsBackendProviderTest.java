package dev.drydock.aws;

import dev.drydock.core.Backend;
import dev.drydock.core.BackendSettings;
import dev.drydock.core.Backends;
import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.model.ImageReference;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsBackendProviderTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/SageMakerExecution";

    @Test
    void named_whenConfigured_givesS3PrefixesCloudPollingAndAnEcrPushTarget() {
        try (Backend b = Backends.named("sagemaker", BackendSettings.of("bucket", "my-ml-bucket", "role-arn", ROLE,
                "region", "eu-west-1", "home", "/tmp/dd", "staging-key", "team/a"))) {
            assertThat(b.stagingPrefix().toString()).isEqualTo("s3://my-ml-bucket/team/a/");
            assertThat(b.defaultOutputPath().toString()).isEqualTo("s3://my-ml-bucket/team/a/models/");
            assertThat(b.workDirectory()).isEqualTo(Path.of("/tmp/dd/models"));
            assertThat(b.pollPolicy().initial()).isEqualTo(dev.drydock.core.PollPolicy.cloud().initial());
            assertThat(b.pushTarget(ImageReference.parse("drydock/trainer:v2"))).contains(ImageReference.parse("drydock-trainer:v2"));
            assertThat(b.pushTarget(ImageReference.parse("683313688378.dkr.ecr.eu-west-1.amazonaws.com/xgb:1"))).isEmpty();
        }
    }

    @Test
    void named_whenEverythingWrong_reportsEverySettingAsTypedBeforeAnyClientIsMade() {
        BackendSettings s = BackendSettings.empty().with("bucket", "My_Bucket", "--bucket").with("role-arn", "SageMakerRole", "--role")
                .with("region", "Ireland", "--region").with("endpoint-url", "localhost:4566", "--endpoint-url");
        assertThatThrownBy(() -> Backends.named("sagemaker", s)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("--bucket \"My_Bucket\" must be an S3 bucket name")
                .hasMessageContaining("--role \"SageMakerRole\" must be an IAM role ARN such as arn:aws:iam::123456789012:role/")
                .hasMessageContaining("--region \"Ireland\" must be an AWS region such as eu-west-1")
                .hasMessageContaining("--endpoint-url \"localhost:4566\" must be an http:// or https:// URI");
    }

    @Test
    void named_whenBucketAndRoleMissing_saysHowToSetEach() {
        assertThatThrownBy(() -> Backends.named("sagemaker", BackendSettings.empty()))
                .hasMessageContaining("bucket must be set").hasMessageContaining("DRYDOCK_BUCKET")
                .hasMessageContaining("role-arn must be set").hasMessageContaining("DRYDOCK_ROLE_ARN");
    }
    @Test
    void create_whenNoRegionAnywhere_saysWhichSettingEnvironmentVariableOrProfileToSet() {
        AwsBackendProvider noRegionInTheChain = new AwsBackendProvider(profile -> java.util.Optional.empty());
        BackendSettings s = BackendSettings.of("bucket", "my-ml-bucket", "role-arn", ROLE, "profile", "ml");

        assertThatThrownBy(() -> noRegionInTheChain.create("sagemaker", s)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("region must be set").hasMessageContaining("--region eu-west-1")
                .hasMessageContaining("DRYDOCK_REGION").hasMessageContaining("AWS_REGION")
                .hasMessageContaining("[profile ml] section of ~/.aws/config")
                .hasMessageNotContaining("AwsBackend.builder()");
    }

    @Test
    void create_whenTheChainHasARegion_needsNoRegionSetting() {
        try (Backend b = new AwsBackendProvider(profile -> java.util.Optional.of("eu-west-1")).create("sagemaker",
                BackendSettings.of("bucket", "my-ml-bucket", "role-arn", ROLE))) {
            assertThat(b.name()).isEqualTo("sagemaker");
        }
    }
}
