package dev.drydock.local.registry;

import dev.drydock.core.error.AccessDeniedException;
import dev.drydock.core.error.BackendUnavailableException;
import dev.drydock.core.model.ImageBuildRequest;
import dev.drydock.core.model.ImageReference;
import dev.drydock.core.port.ImageRegistry;
import dev.drydock.testkit.ImageRegistryContractTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The image registry contract against the Docker daemon and Debian's docker-registry on 127.0.0.1 (both started by
 * {@code .ci/run}; the registry alone by {@code .ci/start-registry.sh 5000}). Environment:
 * {@code DRYDOCK_TEST_REGISTRY} (default 127.0.0.1:5000); for the credentials test
 * {@code DRYDOCK_TEST_AUTH_REGISTRY}, {@code DRYDOCK_TEST_REGISTRY_USER}, {@code DRYDOCK_TEST_REGISTRY_PASSWORD}.
 */
class DockerImageRegistryIT extends ImageRegistryContractTest {
    private static final String REGISTRY = env("DRYDOCK_TEST_REGISTRY", "127.0.0.1:5000");

    private DockerImageRegistry registry;
    private ImageReference present;

    @BeforeAll
    void requireDaemonAndRegistryAndBuildAnImage() throws IOException {
        registry = DockerImageRegistry.create();
        try {
            registry.resolve(ImageReference.parse("drydock-it/probe:none"));
        } catch (BackendUnavailableException e) {
            assumeTrue(false, "no Docker daemon answers (" + e.getMessage() + "): start dockerd, or run .ci/run");
        }
        assumeTrue(answers(REGISTRY), "no registry v2 answers at " + REGISTRY
                + ": start one with .ci/start-registry.sh " + REGISTRY.substring(REGISTRY.indexOf(':') + 1));
        Path context = Files.createTempDirectory("drydock-registry-it");
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY hello.txt /hello.txt\n");
        Files.writeString(context.resolve("hello.txt"), "present " + UUID.randomUUID() + "\n");
        present = registry.build(ImageBuildRequest.of(context, ImageReference.parse("drydock-it/present:latest")));
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
        return ImageReference.parse(REGISTRY + "/drydock-it/pushed-" + UUID.randomUUID().toString().substring(0, 8) + ":v1");
    }

    @Test
    void push_whenRegistryNeedsCredentials_failsWithoutAndSucceedsWith() {
        String authRegistry = System.getenv("DRYDOCK_TEST_AUTH_REGISTRY");
        String user = System.getenv("DRYDOCK_TEST_REGISTRY_USER");
        String password = System.getenv("DRYDOCK_TEST_REGISTRY_PASSWORD");
        assumeTrue(authRegistry != null && user != null && password != null && answers(authRegistry),
                "no registry with credentials configured: .ci/run starts one and sets DRYDOCK_TEST_AUTH_REGISTRY,"
                        + " DRYDOCK_TEST_REGISTRY_USER and DRYDOCK_TEST_REGISTRY_PASSWORD");
        ImageReference target = ImageReference.parse(authRegistry + "/drydock-it/private:v1");

        assertThatThrownBy(() -> registry.push(presentImage(), target)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("credentials");

        DockerImageRegistry withCredentials = DockerImageRegistry.builder()
                .credentials(new RegistryCredentials(authRegistry, user, password)).build();
        ImageReference pushed = withCredentials.push(presentImage(), target);
        assertThat(pushed.digest()).startsWith("sha256:");
        assertThat(withCredentials.resolve(target)).map(ImageReference::digest).contains(pushed.digest());
    }

    @Test
    void push_whenTargetNamesNoRegistry_goesToTheDefaultRegistryOrIsRefused() {
        ImageReference bare = ImageReference.parse("drydock-it/defaulted-" + UUID.randomUUID().toString().substring(0, 8) + ":v1");
        assertThatThrownBy(() -> registry.push(presentImage(), bare))
                .isInstanceOf(dev.drydock.core.error.InvalidInputException.class).hasMessageContaining("default registry");

        DockerImageRegistry withDefault = DockerImageRegistry.builder().defaultRegistry(REGISTRY).build();
        ImageReference pushed = withDefault.push(presentImage(), bare);

        assertThat(pushed.registry()).isEqualTo(REGISTRY);
        assertThat(pushed.repository()).isEqualTo(bare.repository());
        assertThat(pushed.digest()).startsWith("sha256:");
        assertThat(registry.resolve(pushed.withDigest(null))).map(ImageReference::digest).contains(pushed.digest());
    }

    @Test
    void resolve_whenRegistryDown_saysHowToStartIt() {
        ImageReference nowhere = ImageReference.parse("127.0.0.1:1/drydock-it/x:v1");
        assertThatThrownBy(() -> registry.resolve(nowhere)).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("start-registry.sh");
    }

    @Test
    void build_whenDaemonDown_saysHowToFixIt() {
        DockerImageRegistry down = DockerImageRegistry.builder().dockerHost("unix:///tmp/drydock-no-such-docker.sock").build();
        assertThatThrownBy(() -> down.resolve(ImageReference.parse("drydock-it/x:v1")))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("dockerd");
    }

    private static boolean answers(String registry) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://" + registry + "/v2/").toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(2000);
            int code = c.getResponseCode();
            return code == 200 || code == 401;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
