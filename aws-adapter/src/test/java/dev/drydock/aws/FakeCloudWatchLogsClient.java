package dev.drydock.aws;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written CloudWatch Logs client: streams that appear when the test adds them, events appended over time,
 * forward tokens that behave as CloudWatch's do (the same token back when nothing is new), pages of at most the
 * requested limit, throttling bursts, and a group that does not exist until the first stream does.
 */
final class FakeCloudWatchLogsClient implements CloudWatchLogsClient {
    private final Map<String, List<OutputLogEvent>> streams = new TreeMap<>();
    private final AtomicInteger throttleNext = new AtomicInteger();
    final AtomicInteger getLogEventsCalls = new AtomicInteger();
    private int pageSize = 10_000;
    private int streamsPageSize = 50;

    /** Creates (or keeps) a stream. */
    synchronized FakeCloudWatchLogsClient stream(String name) {
        streams.computeIfAbsent(name, n -> new ArrayList<>());
        return this;
    }

    /** Appends an event to a stream (creating it). */
    synchronized FakeCloudWatchLogsClient append(String stream, long timestampMillis, String message) {
        streams.computeIfAbsent(stream, n -> new ArrayList<>())
                .add(OutputLogEvent.builder().timestamp(timestampMillis).ingestionTime(timestampMillis + 5).message(message).build());
        return this;
    }

    /**
     * Puts {@code pages} empty pages into a stream at its current end: CloudWatch answers a stretch of a stream with
     * no events (it pages by time) with no events and a new forward token, while more events follow.
     */
    synchronized FakeCloudWatchLogsClient gap(String stream, int pages) {
        List<OutputLogEvent> events = streams.computeIfAbsent(stream, n -> new ArrayList<>());
        for (int i = 0; i < pages; i++) {
            events.add(null);
        }
        return this;
    }

    /** Caps every GetLogEvents page (CloudWatch caps at 10,000 events or 1 MB). */
    FakeCloudWatchLogsClient pageSize(int events) {
        this.pageSize = events;
        return this;
    }

    /** Caps every DescribeLogStreams page. */
    FakeCloudWatchLogsClient streamsPageSize(int n) {
        this.streamsPageSize = n;
        return this;
    }

    /** The next {@code n} calls answer with throttling. */
    FakeCloudWatchLogsClient throttle(int n) {
        throttleNext.set(n);
        return this;
    }

    @Override
    public synchronized DescribeLogStreamsResponse describeLogStreams(DescribeLogStreamsRequest request) {
        maybeThrottle();
        if (streams.isEmpty()) {
            throw ResourceNotFoundException.builder()
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException")
                            .errorMessage("The specified log group does not exist.").build()).statusCode(400).build();
        }
        List<String> matching = streams.keySet().stream().filter(n -> n.startsWith(request.logStreamNamePrefix())).toList();
        int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
        int to = Math.min(matching.size(), from + streamsPageSize);
        return DescribeLogStreamsResponse.builder()
                .logStreams(matching.subList(from, to).stream().map(n -> LogStream.builder().logStreamName(n).build()).toList())
                .nextToken(to < matching.size() ? String.valueOf(to) : null).build();
    }

    @Override
    public synchronized GetLogEventsResponse getLogEvents(GetLogEventsRequest request) {
        maybeThrottle();
        getLogEventsCalls.incrementAndGet();
        List<OutputLogEvent> events = streams.get(request.logStreamName());
        if (events == null) {
            throw ResourceNotFoundException.builder()
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException")
                            .errorMessage("The specified log stream does not exist.").build()).statusCode(400).build();
        }
        int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken().substring(2));
        int limit = Math.min(pageSize, request.limit() == null ? 10_000 : request.limit());
        if (from < events.size() && events.get(from) == null) {
            return GetLogEventsResponse.builder().events(List.of()).nextForwardToken("f/" + (from + 1))
                    .nextBackwardToken("b/" + from).build();
        }
        int to = from;
        while (to < events.size() && to < from + limit && events.get(to) != null) {
            to++;
        }
        // CloudWatch hands back the very token it was given when nothing new is there.
        String next = to == from && request.nextToken() != null ? request.nextToken() : "f/" + to;
        return GetLogEventsResponse.builder().events(new ArrayList<>(events.subList(from, to)))
                .nextForwardToken(next).nextBackwardToken("b/" + from).build();
    }

    @Override
    public String serviceName() {
        return "logs";
    }

    @Override
    public void close() {
    }

    private void maybeThrottle() {
        if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw (CloudWatchLogsException) CloudWatchLogsException.builder()
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").errorMessage("Rate exceeded").build())
                    .statusCode(400).build();
        }
    }
}
