package dev.drydock.local.job;

import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.LogPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The log file: cursors resume exactly, a half-written line waits for the next read. */
class JobLogTest {
    @TempDir
    Path tmp;

    @Test
    void read_whenLastLineIsHalfWritten_returnsOnlyCompleteLinesAndResumesAtTheHalfLine() throws IOException {
        Path file = tmp.resolve("logs.txt");
        try (JobLog log = JobLog.openForAppend(file, line -> { })) {
            log.line("algo-1", "first\twith a tab");
            log.line("algo-2", "second");
        }
        Files.writeString(file, "2026-01-01T00:00:00Z\talgo-1\thalf", StandardOpenOption.APPEND);

        LogPage page = JobLog.read(file, LogCursor.START);
        assertThat(page.events()).extracting(LogEvent::message).containsExactly("first\twith a tab", "second");
        assertThat(page.events()).extracting(LogEvent::host).containsExactly("algo-1", "algo-2");
        assertThat(JobLog.read(file, page.next()).events()).isEmpty();

        Files.writeString(file, " done\n", StandardOpenOption.APPEND);
        assertThat(JobLog.read(file, new LogCursor(page.next().token())).events()).extracting(LogEvent::message)
                .containsExactly("half done");
    }

    @Test
    void read_whenCursorIsNotOurs_throwsInvalidInput() {
        assertThatThrownBy(() -> JobLog.read(tmp.resolve("logs.txt"), new LogCursor("cloudwatch:abc")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cursor");
    }
}
