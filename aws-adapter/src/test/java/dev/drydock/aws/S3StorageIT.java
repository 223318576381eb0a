package dev.drydock.aws;

import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.error.StorageObjectNotFoundException;
import dev.drydock.core.model.StorageObject;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.Storage;
import dev.drydock.testkit.StorageContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link S3Storage} against a real S3 protocol server (S3Mock) in the test JVM on 127.0.0.1. */
class S3StorageIT extends StorageContractTest {
    private static final String BUCKET = "drydock-contract";
    private S3MockServer server;
    private AwsBackend aws;

    @BeforeAll
    void startServer() {
        server = S3MockServer.start(BUCKET);
        aws = server.backend().multipart(5L << 20, 5L << 20).build();
    }

    @AfterAll
    void stopServer() {
        aws.close();
        server.close();
    }

    @Override
    protected Storage storage() {
        return aws.storage();
    }

    @Override
    protected StorageUri root() {
        return StorageUri.s3(BUCKET, "contract/");
    }

    @Test
    void put_whenFileLargerThanPart_uploadsMultipartAndDownloadsIdentical(@TempDir Path tmp) throws Exception {
        Path big = tmp.resolve("big.bin");
        byte[] block = new byte[1 << 20];
        new Random(42).nextBytes(block);
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            for (int i = 0; i < 23; i++) { // 23 MiB: five 5 MiB parts, the last one short
                f.write(block);
            }
        }

        StorageUri stored = storage().put(big, base.resolve("big.bin"));
        Path back = storage().get(stored, tmp.resolve("back.bin"));

        assertThat(storage().list(base)).singleElement().extracting(StorageObject::size).isEqualTo(23L << 20);
        assertThat(sha256(back)).isEqualTo(sha256(big));
    }

    @Test
    void put_whenBucketMissing_throwsConfigurationNamingBucketAndFix(@TempDir Path tmp) throws IOException {
        Path file = write(tmp.resolve("f.txt"), "x");

        assertThatThrownBy(() -> storage().put(file, StorageUri.s3("drydock-no-such-bucket", "x.txt")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("drydock-no-such-bucket")
                .hasMessageContaining("createMissingBuckets");
    }

    @Test
    void get_whenBucketMissing_throwsNotFoundSayingBucketIsMissing(@TempDir Path tmp) {
        assertThatThrownBy(() -> storage().get(StorageUri.s3("drydock-no-such-bucket", "x.txt"), tmp.resolve("x")))
                .isInstanceOf(StorageObjectNotFoundException.class)
                .hasMessageContaining("bucket \"drydock-no-such-bucket\" does not exist");
    }

    @Test
    void put_whenBucketMissingAndCreationAsked_createsBucket(@TempDir Path tmp) throws IOException {
        Path file = write(tmp.resolve("f.txt"), "created");
        try (AwsBackend creating = server.backend().createMissingBuckets(true).build()) {
            StorageUri target = StorageUri.s3("drydock-created-on-demand", "f.txt");

            creating.storage().put(file, target);

            assertThat(read(creating.storage().get(target, tmp.resolve("back")))).isEqualTo("created");
        }
    }

    @Test
    void put_whenServerSideEncryptionS3Managed_storesObject(@TempDir Path tmp) throws IOException {
        Path file = write(tmp.resolve("f.txt"), "secret data");
        try (AwsBackend encrypting = server.backend().serverSideEncryption(ServerSideEncryption.s3Managed()).build()) {
            StorageUri target = base.resolve("encrypted.txt");

            encrypting.storage().put(file, target);

            assertThat(read(encrypting.storage().get(target, tmp.resolve("back")))).isEqualTo("secret data");
        }
    }

    @Test
    void put_whenFile_sendsACrc32ChecksumTheServerKeeps(@TempDir Path tmp) throws IOException {
        StorageUri target = base.resolve("checked.txt");
        storage().put(write(tmp.resolve("checked.txt"), "checksummed content"), target);

        try (S3Client raw = S3Client.builder().region(Region.US_EAST_1).endpointOverride(server.endpoint()).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build()) {
            var head = raw.headObject(b -> b.bucket(target.bucket()).key(target.key()).checksumMode(ChecksumMode.ENABLED));
            assertThat(head.checksumCRC32()).isNotBlank();
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
