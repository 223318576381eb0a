package dev.drydock.aws;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.drydock.core.model.ImageBuildRequest;
import dev.drydock.core.model.ImageReference;
import dev.drydock.core.port.ImageRegistry;
import dev.drydock.testkit.ImageRegistryContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link EcrImageRegistry}: a real push through the local Docker daemon to a registry v2 on 127.0.0.1 that requires
 * the credentials an ECR token decodes to ({@code AWS:<password>}), the token coming from {@link FakeEcrClient}.
 * Skips when no Docker daemon answers or Debian's docker-registry is not installed.
 */
class EcrImageRegistryIT extends ImageRegistryContractTest {
    private Path dir;
    private LocalRegistry localRegistry;
    private DockerClient docker;
    private FakeEcrClient ecr;
    private EcrImageRegistry registry;
    private ImageReference present;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(LocalRegistry.available(), "Debian's docker-registry is not installed (apt-get install -y docker-registry)");
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        docker = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
        boolean daemon;
        try {
            docker.pingCmd().exec();
            daemon = true;
        } catch (RuntimeException e) {
            daemon = false;
        }
        assumeTrue(daemon, "no Docker daemon answers at " + config.getDockerHost() + " (start dockerd)");
        dir = Files.createTempDirectory("drydock-registry-");
        localRegistry = LocalRegistry.start(dir);
        ecr = new FakeEcrClient(localRegistry.url(), LocalRegistry.PASSWORD);
        registry = EcrImageRegistry.builder().ecr(ecr).docker(docker).createMissingRepositories(true)
                .immutableTags(true).scanOnPush(true).build();
        Path context = Files.createDirectories(dir.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY hello.txt /hello.txt\n");
        Files.writeString(context.resolve("hello.txt"), "present image of the ECR contract test\n");
        ImageReference local = registry.build(ImageBuildRequest.of(context, ImageReference.parse("drydock-contract/ecr-present:v1")));
        present = registry.push(local.withDigest(null), ImageReference.parse(localRegistry.host() + "/drydock-contract/present:v1"));
    }

    @AfterAll
    void stop() throws Exception {
        if (localRegistry != null) {
            localRegistry.close();
            removeTestImages();
        }
        if (docker != null) {
            docker.close();
        }
        if (dir != null) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Removes the tags this test made in the daemon (the registry's own data goes with its temp folder). */
    private void removeTestImages() {
        for (var image : docker.listImagesCmd().exec()) {
            for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
                if (tag.startsWith(localRegistry.host() + "/") || tag.startsWith("drydock-contract/")) {
                    try {
                        docker.removeImageCmd(tag).withForce(true).exec();
                    } catch (RuntimeException ignored) {
                        // already gone
                    }
                }
            }
        }
    }

    @Override
    protected ImageRegistry registry() {
        return registry;
    }

    @Override
    protected ImageReference presentImage() {
        return present.withDigest(null);
    }

    @Override
    protected ImageReference pushTarget() {
        return ImageReference.parse(localRegistry.host() + "/drydock-contract/pushed-" + UUID.randomUUID().toString().substring(0, 8) + ":v1");
    }

    @Test
    void push_whenRepositoryMissing_createsItWithTheConfiguredOptions() {
        ImageReference target = pushTarget();

        registry.push(presentImage(), target);

        var created = ecr.repositories.get(target.repository());
        assertThat(created.imageTagMutabilityAsString()).isEqualTo("IMMUTABLE");
        assertThat(created.imageScanningConfiguration().scanOnPush()).isTrue();
    }

    @Test
    void push_whenTokenExpired_fetchesANewOneAndRetriesOnce() {
        EcrImageRegistry fresh = EcrImageRegistry.builder().ecr(ecr.nextTokenStale("an-expired-password")).docker(docker)
                .createMissingRepositories(true).build();
        int before = ecr.tokenRequests.get();

        ImageReference pushed = fresh.push(presentImage(), pushTarget());

        assertThat(pushed.digest()).isEqualTo(present.digest());
        assertThat(ecr.tokenRequests.get() - before).isEqualTo(2);
    }

    @Test
    void push_whenTargetHasNoRegistry_pushesToTheTokensRegistry() {
        ImageReference pushed = registry.push(presentImage(), ImageReference.parse("drydock-contract/no-registry:v1"));

        assertThat(pushed.registry()).isEqualTo(localRegistry.host());
        assertThat(pushed.digest()).isEqualTo(present.digest());
    }

    @Test
    void push_whenAFreshTokenIsRefusedToo_throwsAccessDeniedWithoutThePassword() {
        EcrImageRegistry refused = EcrImageRegistry.builder()
                .ecr(ecr.nextTokenStale("refused-password-1").nextTokenStale("refused-password-2")).docker(docker)
                .createMissingRepositories(true).build();

        assertThatThrownBy(() -> refused.push(presentImage(), pushTarget()))
                .isInstanceOf(dev.drydock.core.error.AccessDeniedException.class)
                .hasMessageContaining("fresh ECR token")
                .hasMessageNotContaining("refused-password");
    }
}
