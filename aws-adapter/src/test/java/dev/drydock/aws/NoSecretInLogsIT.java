package dev.drydock.aws;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret in log lines, messages or {@code toString}: {@link SecretLeakProbe} runs in a fresh JVM with every logger
 * at debug, makes an S3 call that fails (nothing listens on 127.0.0.1:9), and its whole output is searched. An IT
 * because it opens a (refused) loopback connection.
 */
class NoSecretInLogsIT {

    @Test
    void operations_whenTheyFailAndLogAtDebug_neverPrintTheSecret() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(List.of(java,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                "-cp", System.getProperty("java.class.path"),
                SecretLeakProbe.class.getName()))
                .redirectErrorStream(true)
                .start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(120, TimeUnit.SECONDS)).isTrue();

        // The probe really logged at debug and really failed, so the search below covers real output.
        assertThat(output).contains("DEBUG").contains("error: ").contains("backend: ");
        assertThat(output).doesNotContain(SecretLeakProbe.SECRET);
    }
}
