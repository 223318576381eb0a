package dev.drydock.aws.emulator;

import dev.drydock.aws.CloudWatchLogReader;
import dev.drydock.core.error.DrydockException;
import dev.drydock.core.model.JobName;
import dev.drydock.core.port.TrainingBackend;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A CloudWatch Logs test double for SageMaker training jobs that the {@link SageMakerEmulator} runs on the local
 * engine: group {@value CloudWatchLogReader#LOG_GROUP}, one stream per host ({@link JobLogStreams}), events shipped
 * from the local job log whenever a call looks at the job.
 *
 * <p>It behaves as CloudWatch does where the reader depends on it: the group does not exist until the first stream
 * does; DescribeLogStreams pages ({@value #STREAMS_PER_PAGE} streams) by name prefix; GetLogEvents from the head pages
 * by {@code limit} and returns a forward token that resumes after the last event, the very token it was given when
 * nothing is new, and {@code ResourceNotFoundException} for an unknown stream. Only the two calls the reader makes are
 * implemented; the others throw {@link UnsupportedOperationException} (the SDK interface's default). Thread-safe.
 */
public final class EmulatedCloudWatchLogs implements CloudWatchLogsClient {
    static final int STREAMS_PER_PAGE = 50;

    private final TrainingBackend local;
    private final SageMakerEmulator sageMaker;
    private final Map<JobName, JobLogStreams> jobs = new HashMap<>();

    /** A client shipping the logs of the jobs {@code sageMaker} runs on {@code local}. */
    public EmulatedCloudWatchLogs(SageMakerEmulator sageMaker, TrainingBackend local) {
        this.sageMaker = sageMaker;
        this.local = local;
    }

    @Override
    public synchronized DescribeLogStreamsResponse describeLogStreams(DescribeLogStreamsRequest request) {
        String prefix = request.logStreamNamePrefix() == null ? "" : request.logStreamNamePrefix();
        int slash = prefix.indexOf('/');
        if (slash > 0) {
            pump(prefix.substring(0, slash));
        }
        TreeSet<String> matching = new TreeSet<>();
        jobs.values().forEach(j -> j.streams().stream().filter(s -> s.startsWith(prefix)).forEach(matching::add));
        checkGroup(request.logGroupName());
        List<String> names = new ArrayList<>(matching);
        int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
        int to = Math.min(names.size(), from + STREAMS_PER_PAGE);
        return DescribeLogStreamsResponse.builder()
                .logStreams(names.subList(from, to).stream().map(n -> LogStream.builder().logStreamName(n).build()).toList())
                .nextToken(to < names.size() ? String.valueOf(to) : null).build();
    }

    @Override
    public synchronized GetLogEventsResponse getLogEvents(GetLogEventsRequest request) {
        String stream = request.logStreamName();
        JobLogStreams job = pump(stream.substring(0, Math.max(0, stream.indexOf('/'))));
        checkGroup(request.logGroupName());
        List<OutputLogEvent> events = job == null ? null : job.events(stream);
        if (events == null) {
            throw ServiceErrors.logsNotFound("The specified log stream does not exist.");
        }
        int limit = request.limit() == null ? 10_000 : request.limit();
        String token = request.nextToken();
        int from;
        if (token != null) {
            from = Integer.parseInt(token.substring(2));
        } else {
            // Without a token CloudWatch starts at the head only when asked; else it returns the newest events.
            from = Boolean.TRUE.equals(request.startFromHead()) ? 0 : Math.max(0, events.size() - limit);
        }
        int to = Math.min(events.size(), from + limit);
        String next = to == from && token != null ? token : "f/" + to;
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

    /** Ships the job's new lines; {@code null} when {@code jobName} names no job the local engine knows. */
    private JobLogStreams pump(String jobName) {
        JobName name;
        try {
            name = JobName.of(jobName);
        } catch (DrydockException | IllegalArgumentException e) {
            return null;
        }
        List<String> hosts = sageMaker.hostNames(jobName);
        if (hosts.isEmpty()) {
            return null;
        }
        JobLogStreams job = jobs.computeIfAbsent(name, n -> new JobLogStreams(local, n, hosts));
        try {
            job.pump();
        } catch (DrydockException unknownJob) {
            jobs.remove(name);
            return null;
        }
        return job;
    }

    /** The group exists once SageMaker created the account's first stream. */
    private void checkGroup(String group) {
        boolean exists = jobs.values().stream().anyMatch(j -> !j.streams().isEmpty());
        if (!CloudWatchLogReader.LOG_GROUP.equals(group) || !exists) {
            throw ServiceErrors.logsNotFound("The specified log group does not exist.");
        }
    }
}
