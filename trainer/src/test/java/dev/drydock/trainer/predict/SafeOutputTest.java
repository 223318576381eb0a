package dev.drydock.trainer.predict;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SafeOutputTest {
    @TempDir
    Path dir;

    @Test
    void write_whenContentFails_leavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("submission.csv"), "good\n");

        assertThatThrownBy(() -> SafeOutput.write(target, file -> {
            Files.writeString(file, "half");
            throw new IOException("No space left on device");
        })).isInstanceOf(PredictionException.class).hasMessageContaining("the disk is full")
                .hasMessageContaining("the previous file is unchanged");

        assertThat(Files.readString(target)).isEqualTo("good\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void write_whenItWorks_replacesTheFileWhole() throws IOException {
        Path target = Files.writeString(dir.resolve("out.csv"), "old\n");
        SafeOutput.write(target, file -> Files.writeString(file, "new\n"));
        assertThat(Files.readString(target)).isEqualTo("new\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void write_whenTheDiskIsReallyFull_keepsThePreviousFile() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString()),
                "skipped: cannot mount a 64 KiB tmpfs here (needs root); the failing-content test covers the logic");
        try {
            Path target = Files.writeString(mount.resolve("submission.csv"), "good\n");
            byte[] big = new byte[256 * 1024];

            assertThatThrownBy(() -> SafeOutput.write(target, file -> Files.write(file, big)))
                    .hasMessageContaining("the disk is full");

            assertThat(Files.readString(target)).isEqualTo("good\n");
            try (var files = Files.list(mount)) {
                assertThat(files).containsExactly(target);
            }
        } finally {
            run("umount", mount.toString());
        }
    }

    private static boolean run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
