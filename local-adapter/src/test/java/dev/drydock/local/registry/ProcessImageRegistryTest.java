package dev.drydock.local.registry;

import dev.drydock.core.error.DrydockException;
import dev.drydock.core.model.ImageReference;
import dev.drydock.core.port.ImageRegistry;
import dev.drydock.testkit.ImageRegistryContractTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The process backend's registry passes the contract, without building or pushing (it has no Docker). */
class ProcessImageRegistryTest extends ImageRegistryContractTest {
    private final ProcessImageRegistry registry = new ProcessImageRegistry(
            Set.of(ImageReference.parse("drydock/trainer:latest")), List.of("java", "-cp", "classes", "dev.drydock.trainer.Main"));

    @Override
    protected ImageRegistry registry() {
        return registry;
    }

    @Override
    protected ImageReference presentImage() {
        return ImageReference.parse("drydock/trainer:latest");
    }

    @Override
    protected ImageReference pushTarget() {
        return ImageReference.parse("127.0.0.1:5000/drydock/trainer:latest");
    }

    @Override
    protected boolean supportsBuild() {
        return false;
    }

    @Override
    protected boolean supportsPush() {
        return false;
    }

    @Test
    void push_whenAsked_failsNamingTheDockerBackend() {
        assertThatThrownBy(() -> registry.push(presentImage(), pushTarget()))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("--docker");
    }

    @Test
    void build_whenAsked_failsNamingTheDockerBackend(@org.junit.jupiter.api.io.TempDir java.nio.file.Path context) throws Exception {
        java.nio.file.Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        var request = dev.drydock.core.model.ImageBuildRequest.of(context, ImageReference.parse("drydock/x:1"));

        assertThatThrownBy(() -> registry.build(request))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("drydock/x:1")
                .hasMessageContaining("Docker backend");
    }

    @Test
    void resolve_whenSameCommand_givesTheSameDigest() {
        var first = registry.resolve(presentImage()).orElseThrow();
        var second = registry.resolve(presentImage()).orElseThrow();

        assertThat(first.digest()).startsWith("sha256:").isEqualTo(second.digest());
        assertThat(registry.resolve(first)).contains(first);
        assertThat(registry.resolve(ImageReference.parse("drydock/other:1"))).isEmpty();
    }

    @Test
    void resolve_whenTheTrainerJarChanges_givesANewDigest(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path jar = java.nio.file.Files.writeString(tmp.resolve("trainer.jar"), "first build");
        ProcessImageRegistry byJar = ProcessImageRegistry.forCommand(List.of("java", "-jar", jar.toString()));
        String first = byJar.resolve(presentImage()).orElseThrow().digest();
        assertThat(byJar.resolve(presentImage()).orElseThrow().digest()).isEqualTo(first);

        java.nio.file.Files.writeString(jar, "second, longer build");

        assertThat(byJar.resolve(presentImage()).orElseThrow().digest()).isNotEqualTo(first);
    }
}
