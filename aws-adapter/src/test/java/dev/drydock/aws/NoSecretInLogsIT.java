package dev.drydock.aws;

import dev.drydock.core.model.StorageUri;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret in log lines or messages: an S3 call that fails (nothing listens on 127.0.0.1:9) with debug logging on,
 * its log output captured. An IT because it opens a (refused) loopback connection.
 */
class NoSecretInLogsIT {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void operations_whenTheyFailAndLog_neverPrintTheSecret() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        String message;
        try (AwsBackend aws = AwsBackend.builder().region("us-east-1").credentials("AKIAIOSFODNN7EXAMPLE", SECRET)
                .endpointOverride(AwsService.S3, URI.create("http://127.0.0.1:9")).policies(ResiliencePolicies.defaults()
                        .withSdkMaxAttempts(1)).build()) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> aws.storage().list(StorageUri.s3("drydock-nothing", "x/")));
            message = String.valueOf(thrown) + " " + (thrown == null ? "" : String.valueOf(thrown.getCause()));
        } finally {
            System.setErr(original);
        }
        assertThat(message).doesNotContain(SECRET);
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET);
    }

}
