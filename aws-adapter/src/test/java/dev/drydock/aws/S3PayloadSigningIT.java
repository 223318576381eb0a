package dev.drydock.aws;

import dev.drydock.core.model.StorageUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What drydock's S3 uploads send over plain HTTP, on the wire of a real server on 127.0.0.1: the evidence behind the
 * client configuration in {@code AwsClientFactory.s3Async()} and aws-adapter/PERFORMANCE.md.
 */
class S3PayloadSigningIT {

    @Test
    void put_overPlainHttp_signsEveryPayloadAndSendsItsCrc32InAHeaderWithoutChunkedEncoding(@TempDir Path tmp) throws Exception {
        Path small = Files.write(tmp.resolve("small.bin"), new byte[1024]);
        Path big = Files.write(tmp.resolve("big.bin"), new byte[6 << 20]);
        try (RecordingHttpServer server = RecordingHttpServer.start();
             AwsBackend aws = AwsBackend.builder().region("us-east-1").credentials("test-access-key", "test-secret-key")
                     .endpointUrl(server.endpoint()).pathStyleAccess(true).multipart(5L << 20, 5L << 20).build()) {
            server.answer(200, Map.of("ETag", "\"etag\""), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<InitiateMultipartUploadResult><Bucket>bucket</Bucket><Key>big.bin</Key><UploadId>up-1</UploadId>"
                    + "</InitiateMultipartUploadResult>");
            aws.storage().put(small, StorageUri.parse("s3://bucket/small.bin"));
            try {
                aws.storage().put(big, StorageUri.parse("s3://bucket/big.bin"));
            } catch (RuntimeException completeAnsweredWithTheWrongXml) {
                // the parts went out; the server's one canned answer does not fit CompleteMultipartUpload
            }

            List<RecordingHttpServer.Request> uploads = server.requests().stream()
                    .filter(r -> "PUT".equals(r.method()) && r.bodyBytes() > 0).toList();
            uploads.forEach(r -> System.out.println("wire: " + r.method() + " " + r.path() + " x-amz-content-sha256="
                    + r.header("x-amz-content-sha256") + " content-encoding=" + r.header("content-encoding")
                    + " x-amz-checksum-crc32=" + r.header("x-amz-checksum-crc32") + " expect=" + r.header("expect")));
            // Over plain HTTP the SDK signs the payload whatever PAYLOAD_SIGNING_ENABLED says (it may skip that only
            // over HTTPS): the header is the body's SHA-256, never UNSIGNED-PAYLOAD.
            assertThat(uploads.get(0).header("x-amz-content-sha256")).isEqualTo(java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(small))));
            assertThat(uploads).hasSizeGreaterThanOrEqualTo(3).allSatisfy(r -> {
                assertThat(r.header("x-amz-content-sha256")).matches("[0-9a-f]{64}");
                assertThat(r.header("content-encoding")).isNull();
                assertThat(r.header("x-amz-checksum-crc32")).isNotBlank();
            });
        }
    }
}
