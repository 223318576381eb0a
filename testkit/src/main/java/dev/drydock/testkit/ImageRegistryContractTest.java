package dev.drydock.testkit;

import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.ImageNotFoundException;
import dev.drydock.core.model.ImageBuildRequest;
import dev.drydock.core.model.ImageReference;
import dev.drydock.core.port.ImageRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link ImageRegistry} contract: build (where the adapter builds), resolve to a digest, push, and the errors
 * for absent images. The default build context is {@code FROM scratch} plus one copied file, so that a Docker
 * daemon builds it without pulling anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ImageRegistryContractTest {

    /** The registry under test. */
    protected abstract ImageRegistry registry();

    /** An image the registry already has (a local image, or one pushed in the adapter test's setup). */
    protected abstract ImageReference presentImage();

    /** A fresh reference in the registry backends pull from, to push {@link #presentImage()} to. */
    protected abstract ImageReference pushTarget();

    /**
     * Whether the adapter builds images. One that does not must refuse {@code build} with a CONFIGURATION error that
     * says what to use instead; the build tests check that refusal.
     */
    protected boolean supportsBuild() {
        return true;
    }

    /** Whether the adapter pushes images; one that does not must refuse {@code push} with a CONFIGURATION error. */
    protected boolean supportsPush() {
        return true;
    }

    /** A fresh tag for an image the test builds. */
    protected ImageReference buildTag() {
        return ImageReference.parse("drydock-contract/built-" + shortId() + ":latest");
    }

    /** An image no registry has. */
    protected ImageReference absentImage() {
        return ImageReference.parse("drydock-contract/absent-" + shortId() + ":v1");
    }

    /** The lines of a Dockerfile that builds without network, copying {@code hello.txt}. */
    protected String buildableDockerfile() {
        return "FROM scratch\nCOPY hello.txt /hello.txt\n";
    }

    /** The lines of a Dockerfile whose build fails: it copies a file the context does not have. */
    protected String failingDockerfile() {
        return "FROM scratch\nCOPY missing-file.txt /missing-file.txt\n";
    }

    @Test
    void resolve_whenImagePresent_returnsItPinnedToDigest() {
        Optional<ImageReference> resolved = registry().resolve(presentImage());

        assertThat(resolved).isPresent();
        assertThat(resolved.get().name()).isEqualTo(presentImage().name());
        assertThat(resolved.get().digest()).matches("sha256:[a-f0-9]{64}");
    }

    @Test
    void resolve_whenImageAbsent_returnsEmpty() {
        assertThat(registry().resolve(absentImage())).isEmpty();
    }

    @Test
    void push_whenImagePresent_returnsTargetPinnedToPushedDigest() {
        ImageReference target = pushTarget();
        if (!supportsPush()) {
            assertRefusedAsConfiguration(() -> registry().push(presentImage(), target));
            return;
        }

        ImageReference pushed = registry().push(presentImage(), target);

        assertThat(pushed.name()).isEqualTo(target.name());
        assertThat(pushed.digest()).matches("sha256:[a-f0-9]{64}");
        assertThat(registry().resolve(pushed)).isPresent();
    }

    @Test
    void push_whenRepeated_isHarmlessAndGivesTheSameDigest() {
        ImageReference target = pushTarget();
        if (!supportsPush()) {
            assertRefusedAsConfiguration(() -> registry().push(presentImage(), target));
            assertRefusedAsConfiguration(() -> registry().push(presentImage(), target));
            return;
        }

        ImageReference first = registry().push(presentImage(), target);
        ImageReference second = registry().push(presentImage(), target);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void push_whenImageAbsent_throwsImageNotFound() {
        ImageReference absent = absentImage();

        assertThatThrownBy(() -> registry().push(absent, pushTarget()))
                .isInstanceOf(ImageNotFoundException.class)
                .satisfies(e -> assertThat(((ImageNotFoundException) e).image()).contains(absent.repository()));
    }

    @Test
    void build_whenContextValid_returnsResolvableReferenceWithDigest(@TempDir Path tmp) throws IOException {
        ImageReference tag = buildTag();
        if (!supportsBuild()) {
            Path context = context(tmp, buildableDockerfile());
            assertRefusedAsConfiguration(() -> registry().build(ImageBuildRequest.of(context, tag)));
            assertThat(registry().resolve(tag)).isEmpty();
            return;
        }

        ImageReference built = registry().build(ImageBuildRequest.of(context(tmp, buildableDockerfile()), tag));

        assertThat(built.name()).isEqualTo(tag.name());
        assertThat(built.digest()).matches("sha256:[a-f0-9]{64}");
        assertThat(registry().resolve(tag)).map(ImageReference::digest).contains(built.digest());
    }

    @Test
    void build_whenBuildFails_throwsDrydockExceptionWithBuilderOutput(@TempDir Path tmp) throws IOException {
        ImageReference tag = buildTag();
        if (!supportsBuild()) {
            Path context = context(tmp, failingDockerfile());
            assertRefusedAsConfiguration(() -> registry().build(ImageBuildRequest.of(context, tag)));
            return;
        }

        assertThatThrownBy(() -> registry().build(ImageBuildRequest.of(context(tmp, failingDockerfile()), tag)))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("missing-file.txt");
        assertThat(registry().resolve(tag)).isEmpty();
    }

    /**
     * An adapter without a capability refuses it as a configuration error whose message says what to use instead,
     * rather than failing obscurely or pretending to succeed.
     */
    private static void assertRefusedAsConfiguration(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(DrydockException.class, e -> {
                    assertThat(e.code()).isEqualTo(dev.drydock.core.error.ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).hasSizeGreaterThan(40);
                });
    }

    private static Path context(Path tmp, String dockerfile) throws IOException {
        Path context = Files.createDirectories(tmp.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), dockerfile);
        Files.writeString(context.resolve("hello.txt"), "hello from the drydock contract test\n");
        return context;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
