package dev.drydock.aws;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.model.ImageReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.ImageDetail;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link EcrImageRegistry} resolves an ECR image in the account and region its host names, not the caller's. */
class EcrImageRegistryTest {
    private static final String DIGEST = "sha256:" + "cd".repeat(32);
    private static final ImageReference AWS_PREBUILT = ImageReference.parse("683313688378.dkr.ecr.eu-west-1.amazonaws.com/trainer:v1");
    private final RegionalEcr callers = new RegionalEcr("us-east-1");
    private final RegionalEcr euWest1 = new RegionalEcr("eu-west-1");

    @Test
    void resolve_whenImageHostNamesAnotherAccountAndRegion_asksThatRegistryInThatRegion() {
        EcrImageRegistry registry = registry().ecrInRegion(Map.of("eu-west-1", (EcrClient) euWest1)::get).build();

        ImageReference resolved = registry.resolve(AWS_PREBUILT).orElseThrow();

        assertThat(resolved.digest()).isEqualTo(DIGEST);
        assertThat(callers.asked).as("the caller's own region").isEmpty();
        assertThat(euWest1.asked).singleElement().satisfies(r -> {
            assertThat(r.registryId()).isEqualTo("683313688378");
            assertThat(r.repositoryName()).isEqualTo("trainer");
            assertThat(r.imageIds().get(0).imageTag()).isEqualTo("v1");
        });
    }

    @Test
    void resolve_whenImageIsInTheCallersRegion_usesItsClientWithTheHostsAccount() {
        EcrImageRegistry registry = registry().build();

        registry.resolve(ImageReference.parse("111122223333.dkr.ecr.us-east-1.amazonaws.com/shared/trainer:v2")).orElseThrow();

        assertThat(callers.asked).singleElement().satisfies(r -> assertThat(r.registryId()).isEqualTo("111122223333"));
    }

    @Test
    void resolve_whenNoClientForTheImagesRegion_saysHowToGiveOne() {
        assertThatThrownBy(() -> registry().build().resolve(AWS_PREBUILT))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("eu-west-1").hasMessageContaining("ecrInRegion");
    }

    private EcrImageRegistry.Builder registry() {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        // Never called: ECR lookups do not touch the daemon (the client connects only when used).
        var docker = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
        return EcrImageRegistry.builder().ecr(callers).region(callers.region).docker(docker);
    }

    /** An ECR client of one region that records DescribeImages and finds every image. */
    private static final class RegionalEcr implements EcrClient {
        final String region;
        final List<DescribeImagesRequest> asked = new CopyOnWriteArrayList<>();

        RegionalEcr(String region) {
            this.region = region;
        }

        @Override
        public DescribeImagesResponse describeImages(DescribeImagesRequest request) {
            asked.add(request);
            return DescribeImagesResponse.builder().imageDetails(ImageDetail.builder().registryId(request.registryId())
                    .repositoryName(request.repositoryName()).imageDigest(DIGEST).build()).build();
        }

        @Override
        public String serviceName() {
            return "ecr";
        }

        @Override
        public void close() {
        }
    }
}
