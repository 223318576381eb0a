package dev.drydock.core.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static dev.drydock.core.model.ViolationAssert.assertSingleViolation;
import static org.assertj.core.api.Assertions.assertThat;

class StorageUriTest {

    @Test
    void parse_whenS3_splitsBucketAndKey() {
        StorageUri uri = StorageUri.parse("s3://my-bucket/train/data.csv");

        assertThat(uri).isEqualTo(new StorageUri("s3", "my-bucket", "train/data.csv"));
        assertThat(uri.isS3()).isTrue();
        assertThat(uri.isPrefix()).isFalse();
        assertThat(uri.fileName()).isEqualTo("data.csv");
        assertThat(uri.toString()).isEqualTo("s3://my-bucket/train/data.csv");
    }

    @Test
    void parse_whenBucketOnly_isPrefixWithEmptyKey() {
        StorageUri uri = StorageUri.parse("s3://my-bucket");

        assertThat(uri.key()).isEmpty();
        assertThat(uri.isPrefix()).isTrue();
    }

    @Test
    void parse_whenFile_keepsAbsolutePath() {
        StorageUri uri = StorageUri.parse("file:///tmp/data/");

        assertThat(uri.bucket()).isEmpty();
        assertThat(uri.key()).isEqualTo("/tmp/data/");
        assertThat(uri.toPath()).isEqualTo(Path.of("/tmp/data"));
        assertThat(uri.toString()).isEqualTo("file:///tmp/data/");
    }

    @Test
    void parse_whenFilePercentEncoded_decodesPath() {
        assertThat(StorageUri.parse("file:///tmp/my%20data/x.csv").key()).isEqualTo("/tmp/my data/x.csv");
    }

    @Test
    void of_whenFolder_givesFileUriWithTrailingSlash(@TempDir Path tmp) {
        assertThat(StorageUri.of(tmp).toString()).isEqualTo("file://" + tmp.toAbsolutePath() + "/");
    }

    @Test
    void parse_whenOtherScheme_rejectsNamingTheTwoSchemes() {
        assertSingleViolation(() -> StorageUri.parse("http://example.com/x"), "uri.scheme", "http", "must be s3 or file");
    }

    @Test
    void parse_whenNoScheme_rejects() {
        assertSingleViolation(() -> StorageUri.parse("/tmp/data"), "uri", "/tmp/data", "must start with s3:// or file://");
    }

    @Test
    void parse_whenFileHasHost_rejects() {
        assertSingleViolation(() -> StorageUri.parse("file://host/tmp"), "uri", "file://host/tmp", "three slashes");
    }

    @Test
    void constructor_whenFilePathHasDotDot_rejects() {
        assertSingleViolation(() -> StorageUri.parse("file:///tmp/../etc"), "uri.path", "/tmp/../etc", "'..'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "My-Bucket", "-bucket", "bucket-", "192.168.1.1", "my..bucket", "xn--bucket",
            "bucket-s3alias", "bucket_name"})
    void parse_whenBucketBreaksS3Rules_rejects(String bucket) {
        assertSingleViolation(() -> StorageUri.parse("s3://" + bucket + "/key"), "uri.bucket", bucket, "S3's bucket rules");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "my.bucket-1", "a23456789012345678901234567890123456789012345678901234567890123"})
    void parse_whenBucketFollowsS3Rules_accepts(String bucket) {
        assertThat(StorageUri.parse("s3://" + bucket + "/k").bucket()).isEqualTo(bucket);
    }

    @Test
    void parse_whenKeyOver1024Utf8Bytes_rejects() {
        String key = "é".repeat(513);
        assertSingleViolation(() -> StorageUri.s3("bucket", key), "uri.key", key.substring(0, 77) + "...", "at most 1024 bytes");
        assertThat(StorageUri.s3("bucket", "é".repeat(512)).key()).hasSize(512);
    }

    @Test
    void parse_whenKeyStartsWithSlash_rejects() {
        assertSingleViolation(() -> StorageUri.parse("s3://bucket//key"), "uri.key", "/key", "must not start with '/'");
    }

    @Test
    void resolve_whenJoining_usesExactlyOneSlashAndKeepsTrailingSlash() {
        StorageUri base = StorageUri.parse("s3://bucket/models");

        assertThat(base.resolve("job/output/").toString()).isEqualTo("s3://bucket/models/job/output/");
        assertThat(base.asPrefix().resolve("/x.csv").toString()).isEqualTo("s3://bucket/models/x.csv");
        assertThat(StorageUri.parse("s3://bucket").resolve("k").toString()).isEqualTo("s3://bucket/k");
        assertThat(StorageUri.parse("file:///tmp").resolve("a/b").toString()).isEqualTo("file:///tmp/a/b");
    }

    @Test
    void asPrefix_whenObject_addsSlashAndWhenPrefix_keepsIt() {
        assertThat(StorageUri.parse("s3://bucket/data").asPrefix().key()).isEqualTo("data/");
        StorageUri prefix = StorageUri.parse("s3://bucket/data/");
        assertThat(prefix.asPrefix()).isSameAs(prefix);
        assertThat(prefix.fileName()).isEqualTo("data");
    }
}
