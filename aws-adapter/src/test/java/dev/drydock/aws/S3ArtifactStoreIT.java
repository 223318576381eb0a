package dev.drydock.aws;

import dev.drydock.archive.ExtractionLimits;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.ArtifactStore;
import dev.drydock.testkit.ArtifactStoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@link S3ArtifactStore} against S3Mock in the test JVM on 127.0.0.1, with a 1 MiB extraction limit. */
class S3ArtifactStoreIT extends ArtifactStoreContractTest {
    private static final String BUCKET = "drydock-artifacts";
    private static final long LIMIT = 1L << 20;
    private S3MockServer server;
    private AwsBackend aws;

    @BeforeAll
    void startServer() {
        server = S3MockServer.start(BUCKET);
        aws = server.backend().extractionLimits(ExtractionLimits.defaults().withMaxTotalBytes(LIMIT)).build();
    }

    @AfterAll
    void stopServer() {
        aws.close();
        server.close();
    }

    @Override
    protected ArtifactStore artifactStore() {
        return aws.artifactStore();
    }

    @Override
    protected StorageUri root() {
        return StorageUri.s3(BUCKET, "jobs/");
    }

    @Override
    protected void putRaw(StorageUri uri, byte[] bytes) {
        try {
            Path tmp = Files.createTempFile("drydock-raw-", ".bin");
            try {
                aws.storage().put(Files.write(tmp, bytes), uri);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected long extractionLimitBytes() {
        return LIMIT;
    }
}
