package dev.drydock.local.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FailureReasonsTest {
    private static final long MIB_256 = 256L * 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void of_whenOomKilledUnderALimit_namesTheLimitTheExitCodeAndTheFix() {
        String reason = FailureReasons.of(new HostExit("algo-1", 137, true, null, MIB_256), folder());

        assertThat(reason).isEqualTo("algo-1: out of memory: the container exceeded its memory limit of 256 MiB and was killed"
                + " (exit code 137); raise the limit (the docker backend's memory setting: --memory 4g) or use less memory");
    }

    @Test
    void of_whenTheTrainerWroteAFailureFileButRanOutOfHeap_keepsItsWordsAndTheXmxFix() throws IOException {
        HostFolder folder = folder();
        Files.createDirectories(folder.failureFile().getParent());
        Files.writeString(folder.failureFile(), "internal error: Java heap space " + "x".repeat(2000));

        String reason = FailureReasons.of(new HostExit("algo-1", 1, false, FailureReasons.jvmOutOfMemoryDetail(false)), folder);

        assertThat(reason).startsWith("internal error: Java heap space").contains("java_heap=4g", "--trainer-heap 4g").hasSizeLessThanOrEqualTo(1024);
    }

    @Test
    void of_whenOomKilledWithoutALimit_saysOutOfMemoryWithoutALimit() {
        String reason = FailureReasons.of(new HostExit("algo-2", 137, true, null), folder());

        assertThat(reason).startsWith("algo-2: out of memory:").contains("exit code 137").doesNotContain("limit of");
    }

    @Test
    void of_whenPlainSigkillUnderALimit_isNotCalledOutOfMemory() {
        String reason = FailureReasons.of(new HostExit("algo-1", 137, false, null, MIB_256), folder());

        assertThat(reason).contains("killed by signal SIGKILL (exit code 137)", "not for memory", "256 MiB")
                .doesNotContain("out of memory");
    }

    @Test
    void of_whenPlainSigkillWithoutALimit_onlySuggestsTheOomKiller() {
        String reason = FailureReasons.of(HostExit.of("algo-1", 137), folder());

        assertThat(reason).contains("killed by signal SIGKILL (exit code 137)", "may have").doesNotStartWith("algo-1: out of memory");
    }

    @Test
    void of_whenOomKilledButTheTrainerWroteAFailureFile_theFileComesFirstAndTheMemoryFixStays() throws IOException {
        HostFolder folder = folder();
        Files.writeString(folder.failureFile(), "my own reason");

        assertThat(FailureReasons.of(new HostExit("algo-1", 137, true, null, MIB_256), folder)).startsWith("my own reason (")
                .contains("out of memory", "256 MiB", "raise the limit");
    }

    @Test
    void of_whenDetailGiven_appendsIt() {
        String reason = FailureReasons.of(new HostExit("algo-1", 1, false, "the log shows java.lang.OutOfMemoryError: raise -Xmx"),
                folder());

        assertThat(reason).contains("exit code 1", "java.lang.OutOfMemoryError", "-Xmx");
    }

    private HostFolder folder() {
        return new HostFolder("algo-1", tmp.resolve("algo-1")).create();
    }
}
