package dev.drydock.local.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.WaitResponse;
import dev.drydock.local.job.FailureReasons;
import dev.drydock.local.job.HostExit;
import dev.drydock.local.job.HostProcess;
import dev.drydock.local.job.LogSink;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One host as a started container: its stdout and stderr are followed line by line into the job's log, its exit is
 * awaited through the daemon's wait endpoint (no polling), and an out-of-memory kill is read from its state, with
 * the memory limit it ran into. A JVM that ran out of heap before the container ran out of memory exits 1 after
 * printing {@code java.lang.OutOfMemoryError}: that line, seen in the log, is added to the exit's detail.
 */
final class DockerHost implements HostProcess {
    /** How long to wait for the last log frames after the container ended. */
    private static final long DRAIN_SECONDS = 5;

    private final DockerClient client;
    private final String host;
    private final String containerId;
    private final long memoryLimit;
    private final CompletableFuture<Void> logsDone = new CompletableFuture<>();
    private final CompletableFuture<Integer> waited = new CompletableFuture<>();
    private final CompletableFuture<HostExit> exit;
    private volatile boolean ended;
    private volatile boolean jvmOutOfMemory;

    /** Follows the started container {@code containerId}; {@code memoryLimit} is the bytes it was given, 0 for none. */
    DockerHost(DockerClient client, String host, String containerId, long memoryLimit, LogSink sink) {
        this.client = client;
        this.host = host;
        this.containerId = containerId;
        this.memoryLimit = memoryLimit;
        followLogs(sink);
        client.waitContainerCmd(containerId).exec(new ResultCallback.Adapter<WaitResponse>() {
            @Override
            public void onNext(WaitResponse response) {
                waited.complete(response.getStatusCode());
            }

            @Override
            public void onError(Throwable throwable) {
                waited.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                waited.completeExceptionally(new IllegalStateException("the daemon ended the wait without an exit code"));
            }
        });
        this.exit = waited.handle((code, error) -> {
            ended = true;
            return code == null ? inspectedExit("the wait failed: " + error) : code;
        }).thenCompose(code -> logsDone.completeOnTimeout(null, DRAIN_SECONDS, TimeUnit.SECONDS).thenApply(ignored -> toExit(code)));
    }

    @Override
    public CompletableFuture<HostExit> exit() {
        return exit;
    }

    @Override
    public void terminate() {
        signal("SIGTERM");
    }

    @Override
    public void kill() {
        signal("SIGKILL");
    }

    private void signal(String signal) {
        if (ended) {
            return;
        }
        try {
            client.killContainerCmd(containerId).withSignal(signal).exec();
        } catch (RuntimeException e) {
            // Not running any more (it ended meanwhile) or already removed: nothing to signal.
        }
    }

    private void followLogs(LogSink sink) {
        LineAssembler out = new LineAssembler(line -> onLine(sink, line));
        LineAssembler err = new LineAssembler(line -> onLine(sink, line));
        client.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(true)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        (frame.getStreamType() == StreamType.STDERR ? err : out).accept(frame.getPayload());
                    }

                    @Override
                    public void onError(Throwable throwable) {
                        finish();
                    }

                    @Override
                    public void onComplete() {
                        finish();
                    }

                    private void finish() {
                        out.flush();
                        err.flush();
                        logsDone.complete(null);
                    }
                });
    }

    private void onLine(LogSink sink, String line) {
        if (!jvmOutOfMemory && FailureReasons.mentionsJvmOutOfMemory(line)) {
            jvmOutOfMemory = true;
        }
        sink.line(host, line);
    }

    private Integer inspectedExit(String fallback) {
        try {
            Long code = client.inspectContainerCmd(containerId).exec().getState().getExitCodeLong();
            return code == null ? -1 : code.intValue();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private HostExit toExit(int code) {
        boolean oom = false;
        long limit = memoryLimit;
        String detail = null;
        if (code != 0) {
            try {
                var inspected = client.inspectContainerCmd(containerId).exec();
                var state = inspected.getState();
                oom = Boolean.TRUE.equals(state.getOOMKilled());
                // The limit the daemon applied, which is the one the container ran into.
                Long applied = inspected.getHostConfig() == null ? null : inspected.getHostConfig().getMemory();
                limit = applied != null && applied > 0 ? applied : limit;
                String error = state.getError();
                detail = error == null || error.isBlank() ? null : "Docker: " + error;
            } catch (DockerException | IllegalStateException e) {
                // The exit code alone still makes a useful reason.
            } catch (RuntimeException e) {
                // Daemon gone: same.
            }
            if (jvmOutOfMemory && !oom) {
                String jvm = FailureReasons.jvmOutOfMemoryDetail(true);
                detail = detail == null ? jvm : detail + "; " + jvm;
            }
        }
        return new HostExit(host, code, oom, detail, limit);
    }
}
