package dev.drydock.core.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.drydock.core.model.ViolationAssert.assertSingleViolation;
import static org.assertj.core.api.Assertions.assertThat;

class ImageReferenceTest {
    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @Test
    void parse_whenRepositoryOnly_defaultsTagToLatest() {
        assertThat(ImageReference.parse("drydock/trainer")).isEqualTo(new ImageReference(null, "drydock/trainer", "latest", null));
    }

    @Test
    void parse_whenRegistryWithPort_splitsRegistryRepositoryAndTag() {
        ImageReference ref = ImageReference.parse("127.0.0.1:5000/drydock/trainer:1.2");

        assertThat(ref.registry()).isEqualTo("127.0.0.1:5000");
        assertThat(ref.repository()).isEqualTo("drydock/trainer");
        assertThat(ref.tag()).isEqualTo("1.2");
        assertThat(ref.name()).isEqualTo("127.0.0.1:5000/drydock/trainer");
    }

    @Test
    void parse_whenLocalhostOrEcr_treatsFirstComponentAsRegistry() {
        assertThat(ImageReference.parse("localhost/trainer").registry()).isEqualTo("localhost");
        assertThat(ImageReference.parse("123456789012.dkr.ecr.us-east-1.amazonaws.com/trainer:v1").registry())
                .isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com");
        assertThat(ImageReference.parse("drydock/trainer").registry()).isNull();
    }

    @Test
    void parse_whenDigest_pinsWithoutTag() {
        ImageReference ref = ImageReference.parse("localhost:5000/trainer@" + DIGEST);

        assertThat(ref.digest()).isEqualTo(DIGEST);
        assertThat(ref.tag()).isNull();
        assertThat(ref.digestIfPinned()).contains(DIGEST);
    }

    @Test
    void parse_whenTagAndDigest_keepsBoth() {
        ImageReference ref = ImageReference.parse("drydock/trainer:1.0@" + DIGEST);

        assertThat(ref.tag()).isEqualTo("1.0");
        assertThat(ref.digest()).isEqualTo(DIGEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"drydock/trainer:latest", "127.0.0.1:5000/a/b/c:v1", "localhost/x@sha256:"
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "r.io/a:t@sha256:"
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void toString_whenParsedBack_givesAnEqualReference(String text) {
        ImageReference ref = ImageReference.parse(text);

        assertThat(ref.toString()).isEqualTo(text);
        assertThat(ImageReference.parse(ref.toString())).isEqualTo(ref);
    }

    @Test
    void parse_whenRepositoryUppercase_rejectsNamingDockersRule() {
        assertSingleViolation(() -> ImageReference.parse("Drydock/Trainer:latest"), "image.repository", "Drydock/Trainer",
                "lower-case");
    }

    @Test
    void parse_whenTagInvalid_rejects() {
        assertSingleViolation(() -> ImageReference.parse("drydock/trainer:-bad"), "image.tag", "-bad", "1 to 128 characters");
    }

    @Test
    void parse_whenDigestInvalid_rejects() {
        assertSingleViolation(() -> ImageReference.parse("drydock/trainer@sha256:xyz"), "image.digest", "sha256:xyz",
                "64 lower-case hex");
    }

    @Test
    void parse_whenRegistryInvalid_rejects() {
        assertSingleViolation(() -> new ImageReference("bad_host:port", "trainer", "latest", null), "image.registry",
                "bad_host:port", "host name with an optional port");
    }

    @Test
    void parse_whenBlank_rejects() {
        assertSingleViolation(() -> ImageReference.parse(" "), "image", " ", "must be an image reference");
    }

    @Test
    void constructor_whenLongerThan255Characters_rejects() {
        String repository = "a".repeat(250);
        assertSingleViolation(() -> new ImageReference(null, repository, "latest", null), "image", repository, "at most 255");
    }

    @Test
    void inRegistryAndWithDigest_whenCalled_changeOnlyThatPart() {
        ImageReference ref = ImageReference.parse("drydock/trainer:1.0");

        assertThat(ref.inRegistry("localhost:5000").toString()).isEqualTo("localhost:5000/drydock/trainer:1.0");
        assertThat(ref.withDigest(DIGEST).toString()).isEqualTo("drydock/trainer:1.0@" + DIGEST);
    }
}
