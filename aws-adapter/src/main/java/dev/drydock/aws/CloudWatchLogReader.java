package dev.drydock.aws;

import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.LogPage;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a SageMaker training job's logs from CloudWatch Logs: group {@value #LOG_GROUP}, one stream per host and
 * container start, {@code <job>/algo-<n>-<epoch>}.
 *
 * <p>Every stream of the job is followed; events of one read are interleaved by timestamp; each stream's
 * {@code nextForwardToken} is kept in the returned cursor (see {@link LogStreamPositions}), so a reader restarted with
 * that cursor resumes every stream without gaps or duplicates. Streams appear only once a host starts, and the group
 * itself only after an account's first job: their absence is an empty page, not an error. Reading once more after the
 * job ended (as the workflow does) picks up the last lines.
 */
public final class CloudWatchLogReader {
    /** SageMaker's log group for training jobs. */
    public static final String LOG_GROUP = "/aws/sagemaker/TrainingJobs";
    private static final Pattern HOST = Pattern.compile(".*/(algo-\\d+)(?:-\\d+)?$");

    private final CloudWatchLogsClient logs;
    private final int eventsPerRequest;
    private final int requestsPerStream;

    /**
     * A reader on {@code logs} that asks for up to {@code eventsPerRequest} events per GetLogEvents call and makes at
     * most {@code requestsPerStream} calls per stream in one read (the next read goes on from there).
     */
    public CloudWatchLogReader(CloudWatchLogsClient logs, int eventsPerRequest, int requestsPerStream) {
        this.logs = Objects.requireNonNull(logs, "logs");
        if (eventsPerRequest < 1 || eventsPerRequest > 10_000) {
            throw new IllegalArgumentException("eventsPerRequest must be 1 to 10000 (CloudWatch's limit), got " + eventsPerRequest);
        }
        if (requestsPerStream < 1) {
            throw new IllegalArgumentException("requestsPerStream must be at least 1, got " + requestsPerStream);
        }
        this.eventsPerRequest = eventsPerRequest;
        this.requestsPerStream = requestsPerStream;
    }

    /** A reader with 10,000 events per request and up to 10 requests per stream and read. */
    public CloudWatchLogReader(CloudWatchLogsClient logs) {
        this(logs, 10_000, 10);
    }

    /** The events of job {@code jobName} after {@code cursor}, and the cursor to go on from. */
    public LogPage read(String jobName, LogCursor cursor) {
        LogStreamPositions positions = LogStreamPositions.decode(cursor);
        // Streams already known stay in the cursor even if a listing misses them; new ones are added.
        TreeSet<String> streams = new TreeSet<>(positions.asMap().keySet());
        streams.addAll(streams(jobName));
        List<Tagged> events = new ArrayList<>();
        int order = 0;
        for (String stream : streams) {
            String from = positions.token(stream);
            String token = from;
            String host = host(stream);
            boolean gotEvents = false;
            int moves = 0;
            for (int i = 0; i < requestsPerStream; i++) {
                GetLogEventsResponse page = events(jobName, stream, token);
                gotEvents |= !page.events().isEmpty();
                for (OutputLogEvent e : page.events()) {
                    events.add(new Tagged(new LogEvent(Instant.ofEpochMilli(e.timestamp()), host, stripNewline(e.message())), order++));
                }
                String next = page.nextForwardToken();
                if (next == null || next.equals(token)) {
                    break; // the end of the stream: CloudWatch hands back the token it was given
                }
                token = next;
                moves++;
                // A new token goes on, also after an empty page: CloudWatch pages a stream by time, so a stretch
                // without events answers with no events and a new token while more events follow.
            }
            // Keep the position unless all it learnt is the first token of a stream that is still empty (SageMaker
            // makes the stream when the container starts, before its first line): such a page keeps its cursor. Past
            // empty pages with new tokens it moves, or the next read would make the same empty requests for ever.
            boolean onlyAnEmptyHead = from == null && !gotEvents && moves <= 1;
            if (token != null && !token.equals(from) && !onlyAnEmptyHead) {
                positions = positions.with(stream, token);
            }
        }
        events.sort(Comparator.comparing((Tagged t) -> t.event.timestamp()).thenComparingInt(t -> t.order));
        return new LogPage(events.stream().map(t -> t.event).toList(), positions.encode());
    }

    /** The names of the job's streams; none while the job has not started or the group does not exist yet. */
    List<String> streams(String jobName) {
        List<String> names = new ArrayList<>();
        String next = null;
        try {
            do {
                String token = next;
                DescribeLogStreamsResponse r = logs.describeLogStreams(b -> b.logGroupName(LOG_GROUP)
                        .logStreamNamePrefix(jobName + "/").nextToken(token));
                for (LogStream s : r.logStreams()) {
                    names.add(s.logStreamName());
                }
                next = r.nextToken();
            } while (next != null && !next.isEmpty());
        } catch (ResourceNotFoundException e) {
            return List.of();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "listing the log streams of training job " + jobName);
        }
        return names;
    }

    private GetLogEventsResponse events(String jobName, String stream, String token) {
        try {
            return logs.getLogEvents(b -> b.logGroupName(LOG_GROUP).logStreamName(stream).startFromHead(true)
                    .limit(eventsPerRequest).nextToken(token));
        } catch (ResourceNotFoundException e) {
            return GetLogEventsResponse.builder().nextForwardToken(token).build();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading log stream " + stream + " of training job " + jobName);
        }
    }

    /** {@code algo-1} for {@code my-job/algo-1-1700000000}. */
    static String host(String stream) {
        Matcher m = HOST.matcher(stream);
        if (m.matches()) {
            return m.group(1);
        }
        return stream.substring(stream.indexOf('/') + 1);
    }

    private static String stripNewline(String message) {
        String m = message == null ? "" : message;
        while (m.endsWith("\n") || m.endsWith("\r")) {
            m = m.substring(0, m.length() - 1);
        }
        return m;
    }

    private record Tagged(LogEvent event, int order) {
    }
}
