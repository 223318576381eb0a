package dev.drydock.aws;

import com.adobe.testing.s3mock.S3MockApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Adobe S3Mock started inside the test JVM on a free loopback port (HTTP only), with its store in a temporary
 * folder. A real S3 protocol server: multipart uploads, checksums, listing, ranged gets.
 */
final class S3MockServer implements AutoCloseable {
    private final S3MockApplication app;
    private final Path root;

    private S3MockServer(S3MockApplication app, Path root) {
        this.app = app;
        this.root = root;
    }

    /** Starts S3Mock with {@code buckets} created. */
    static S3MockServer start(String... buckets) {
        try {
            Path root = Files.createTempDirectory("drydock-s3mock-");
            Map<String, Object> props = new HashMap<>();
            props.put(S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT);
            props.put(S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT);
            props.put(S3MockApplication.PROP_SECURE_CONNECTION, false);
            props.put(S3MockApplication.PROP_SILENT, true);
            props.put(S3MockApplication.PROP_ROOT_DIRECTORY, root.toString());
            props.put(S3MockApplication.PROP_INITIAL_BUCKETS, String.join(",", buckets));
            props.put("server.address", "127.0.0.1");
            props.put("spring.main.banner-mode", "off");
            props.put("logging.level.root", "WARN");
            // Spring Boot would otherwise look for Logback, which the tests leave out in favour of slf4j-simple.
            System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
            return new S3MockServer(S3MockApplication.start(props), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    @SuppressWarnings("removal") // S3Mock 4.x still serves plain HTTP on this port; 5.x drops the method
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + app.getHttpPort());
    }

    /** An AWS backend pointed at this server (path-style, dummy credentials). */
    AwsBackend.Builder backend() {
        return AwsBackend.builder().region("us-east-1").credentials("s3mock-access-key", "s3mock-secret-key")
                .endpointOverride(AwsService.S3, endpoint()).pathStyleAccess(true);
    }

    @Override
    public void close() {
        app.stop();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp folder
        }
    }
}
