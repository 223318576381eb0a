package dev.drydock.aws.emulator;

import dev.drydock.core.model.JobName;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.port.TrainingBackend;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CloudWatch log streams of one job, filled from the local engine's log as SageMaker's agent ships a container's
 * output: one stream per host, named {@code <job>/<host>-<epoch seconds of the training start>}, created (empty) when
 * the containers start, as SageMaker creates them, before their first line. Each {@link #pump()} appends what the job
 * logged since the last one. Not thread-safe: the emulated client calls it under its lock.
 */
final class JobLogStreams {
    private final TrainingBackend local;
    private final JobName job;
    private final List<String> hosts;
    private final Map<String, String> streamOfHost = new LinkedHashMap<>();
    private final Map<String, List<OutputLogEvent>> events = new LinkedHashMap<>();
    private LogCursor cursor = LogCursor.START;

    JobLogStreams(TrainingBackend local, JobName job, List<String> hosts) {
        this.local = local;
        this.job = job;
        this.hosts = List.copyOf(hosts);
    }

    /** Ships the lines the job wrote since the last pump into their hosts' streams. */
    void pump() {
        Instant started = local.describe(job).trainingStarted();
        if (started != null) {
            for (String host : hosts) {
                events.computeIfAbsent(stream(host, started), s -> new ArrayList<>());
            }
        }
        while (true) {
            LogPage page = local.readLogs(job, cursor);
            if (page.events().isEmpty()) {
                return;
            }
            for (LogEvent e : page.events()) {
                String stream = stream(e.host(), started != null ? started : e.timestamp());
                long millis = e.timestamp().toEpochMilli();
                events.computeIfAbsent(stream, s -> new ArrayList<>()).add(OutputLogEvent.builder()
                        .timestamp(millis).ingestionTime(millis).message(e.message()).build());
            }
            cursor = page.next();
        }
    }

    private String stream(String host, Instant started) {
        return streamOfHost.computeIfAbsent(host, h -> job.value() + "/" + h + "-" + started.getEpochSecond());
    }

    /** The names of the streams created so far. */
    List<String> streams() {
        return List.copyOf(events.keySet());
    }

    /** The events of {@code stream}, or {@code null} when there is no such stream. */
    List<OutputLogEvent> events(String stream) {
        return events.get(stream);
    }
}
