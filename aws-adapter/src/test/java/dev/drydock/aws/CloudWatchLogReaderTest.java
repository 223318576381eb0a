package dev.drydock.aws;

import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.ThrottledException;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.LogPage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link CloudWatchLogReader} against a hand-written CloudWatch Logs client. */
class CloudWatchLogReaderTest {
    private static final String JOB = "house-prices-2026";
    private static final String ALGO1 = JOB + "/algo-1-1700000000";
    private static final String ALGO2 = JOB + "/algo-2-1700000001";
    private final FakeCloudWatchLogsClient logs = new FakeCloudWatchLogsClient();

    @Test
    void read_whenGroupAndStreamsDoNotExistYet_returnsEmptyPageAtStart() {
        LogPage page = new CloudWatchLogReader(logs).read(JOB, LogCursor.START);

        assertThat(page.events()).isEmpty();
        assertThat(page.next()).isEqualTo(LogCursor.START);
    }

    @Test
    void read_whenStreamAppearsLate_picksItUpOnALaterRead() {
        CloudWatchLogReader reader = new CloudWatchLogReader(logs);
        logs.stream("other-job/algo-1-1700000000");
        LogPage before = reader.read(JOB, LogCursor.START);

        logs.append(ALGO1, 1_000, "starting training\n");
        LogPage after = reader.read(JOB, before.next());

        assertThat(before.events()).isEmpty();
        assertThat(after.events()).extracting(LogEvent::message).containsExactly("starting training");
        assertThat(after.events().get(0).host()).isEqualTo("algo-1");
    }

    @Test
    void read_whenTwoHosts_interleavesEventsByTimestamp() {
        logs.append(ALGO1, 1_000, "a1").append(ALGO1, 3_000, "a3").append(ALGO2, 2_000, "b2").append(ALGO2, 4_000, "b4");

        LogPage page = new CloudWatchLogReader(logs).read(JOB, LogCursor.START);

        assertThat(page.events()).extracting(e -> e.host() + ":" + e.message())
                .containsExactly("algo-1:a1", "algo-2:b2", "algo-1:a3", "algo-2:b4");
    }

    @Test
    void read_whenReaderRestartedMidStream_resumesWithoutGapsOrDuplicates() {
        logs.pageSize(3);
        for (int i = 0; i < 10; i++) {
            logs.append(ALGO1, 1_000 + i, "one-" + i);
        }
        logs.append(ALGO2, 5_000, "two-0");
        LogPage first = new CloudWatchLogReader(logs, 3, 2).read(JOB, LogCursor.START);
        String saved = first.next().token(); // e.g. stored in a file by a process that then dies

        for (int i = 10; i < 13; i++) {
            logs.append(ALGO1, 1_000 + i, "one-" + i);
        }
        logs.append(ALGO2, 6_000, "two-1");
        List<String> rest = new ArrayList<>();
        CloudWatchLogReader restarted = new CloudWatchLogReader(logs, 3, 2);
        LogCursor cursor = new LogCursor(saved);
        for (int i = 0; i < 10; i++) {
            LogPage page = restarted.read(JOB, cursor);
            page.events().forEach(e -> rest.add(e.message()));
            cursor = page.next();
        }

        List<String> all = new ArrayList<>(first.events().stream().map(LogEvent::message).toList());
        all.addAll(rest);
        assertThat(all).filteredOn(m -> m.startsWith("one-")).containsExactly("one-0", "one-1", "one-2", "one-3", "one-4",
                "one-5", "one-6", "one-7", "one-8", "one-9", "one-10", "one-11", "one-12");
        assertThat(all).filteredOn(m -> m.startsWith("two-")).containsExactly("two-0", "two-1");
    }

    @Test
    void read_whenStreamExistsButIsStillEmpty_returnsTheCursorItWasGivenThenItsFirstLines() {
        // SageMaker creates a host's stream when the container starts, before the container's first line.
        logs.stream(ALGO1);
        CloudWatchLogReader reader = new CloudWatchLogReader(logs);

        LogPage empty = reader.read(JOB, LogCursor.START);
        logs.append(ALGO1, 1_000, "first line");
        LogPage next = reader.read(JOB, empty.next());

        assertThat(empty.events()).isEmpty();
        assertThat(empty.next()).as("an empty page must return the cursor it was read from").isEqualTo(LogCursor.START);
        assertThat(next.events()).extracting(LogEvent::message).containsExactly("first line");
    }

    @Test
    void read_whenNothingNew_returnsSameCursorAndNoEvents() {
        logs.append(ALGO1, 1_000, "only line");
        CloudWatchLogReader reader = new CloudWatchLogReader(logs);
        LogPage first = reader.read(JOB, LogCursor.START);

        LogPage second = reader.read(JOB, first.next());
        LogPage third = reader.read(JOB, second.next());

        assertThat(second.events()).isEmpty();
        assertThat(third.next()).isEqualTo(second.next());
    }

    @Test
    void read_whenManyStreamsOverSeveralListingPages_followsThemAll() {
        logs.streamsPageSize(2);
        for (int host = 1; host <= 5; host++) {
            logs.append(JOB + "/algo-" + host + "-1700000000", host, "host " + host);
        }

        LogPage page = new CloudWatchLogReader(logs).read(JOB, LogCursor.START);

        assertThat(page.events()).extracting(LogEvent::host).containsExactly("algo-1", "algo-2", "algo-3", "algo-4", "algo-5");
    }

    @Test
    void read_whenThrottled_throwsThrottledForTheRetryLayer() {
        logs.append(ALGO1, 1_000, "x").throttle(1);

        assertThatThrownBy(() -> new CloudWatchLogReader(logs).read(JOB, LogCursor.START))
                .isInstanceOf(ThrottledException.class);
    }

    @Test
    void read_whenCursorIsNotOurs_throwsInvalidInput() {
        assertThatThrownBy(() -> new CloudWatchLogReader(logs).read(JOB, new LogCursor("offset=42")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("logCursor");
    }

    @Test
    void host_whenStreamNameHasEpoch_isAlgoN() {
        assertThat(CloudWatchLogReader.host("job/algo-12-1700000000")).isEqualTo("algo-12");
        assertThat(CloudWatchLogReader.host("job/algo-3")).isEqualTo("algo-3");
    }
    @Test
    void read_whenEmptyPagesWithNewTokensComeBeforeMoreEvents_goesOnPastThemAcrossReads() {
        // More empty pages in a row than one read makes requests for a stream: the reader must not stall on them.
        logs.append(ALGO1, 1_000, "before the gap").gap(ALGO1, 25).append(ALGO1, 900_000, "after the gap");
        CloudWatchLogReader reader = new CloudWatchLogReader(logs, 100, 10);
        List<String> seen = new ArrayList<>();
        LogCursor cursor = LogCursor.START;

        for (int read = 0; read < 5 && !seen.contains("after the gap"); read++) {
            LogPage page = reader.read(JOB, cursor);
            page.events().forEach(e -> seen.add(e.message()));
            cursor = page.next();
        }

        assertThat(seen).containsExactly("before the gap", "after the gap");
    }

    @Test
    void read_whenEmptyPagesWithNewTokensComeBeforeMoreEvents_oneReadFollowsThemWithinItsRequests() {
        logs.append(ALGO1, 1_000, "a").gap(ALGO1, 3).append(ALGO1, 2_000, "b");

        LogPage page = new CloudWatchLogReader(logs).read(JOB, LogCursor.START);

        assertThat(page.events()).extracting(LogEvent::message).containsExactly("a", "b");
    }
}
