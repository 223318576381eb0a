package dev.drydock.local.process;

import dev.drydock.local.job.FailureReasons;
import dev.drydock.local.job.HostExit;
import dev.drydock.local.job.HostProcess;
import dev.drydock.local.job.LogSink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One host as a child process: its merged stdout and stderr are read line by line into the job's log; SIGTERM is
 * {@link ProcessHandle#destroy()} (SIGTERM on Linux and macOS), SIGKILL is {@link ProcessHandle#destroyForcibly()},
 * also for the processes it started.
 *
 * <p>A trainer JVM that runs out of heap prints {@code java.lang.OutOfMemoryError} and exits 1; seen in the log, that
 * goes into the exit's detail so that the failure reason points at {@code -Xmx}.
 *
 * <p>The signals go through the {@link ProcessHandle}, not {@link Process#destroy()}: the latter also closes the
 * pipes, which would lose what the trainer writes while it shuts down (its "saving checkpoint" lines).
 */
final class ChildProcessHost implements HostProcess {
    /** How long to wait for the last output after the process ended (a grandchild may hold the pipe open). */
    private static final long DRAIN_SECONDS = 2;

    private final String host;
    private final Process process;
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private final CompletableFuture<HostExit> exit;
    /** Set by the log pump, read once the process has ended and the pump drained. */
    private volatile boolean jvmOutOfMemory;

    /** The host's own temp folder, removed once the process has ended (the watchdog's shell removes it too). */
    private final Path tmp;

    ChildProcessHost(String host, Process process, LogSink sink, Path tmp) {
        this.host = host;
        this.tmp = tmp;
        this.process = process;
        Thread pump = new Thread(() -> pump(sink), "drydock-log-" + host + "-" + process.pid());
        pump.setDaemon(true);
        pump.start();
        this.exit = process.onExit()
                .thenCompose(p -> drained.completeOnTimeout(null, DRAIN_SECONDS, TimeUnit.SECONDS))
                .thenApply(ignored -> {
                    removeTmp();
                    return toExit(process.exitValue());
                });
    }

    @Override
    public CompletableFuture<HostExit> exit() {
        return exit;
    }

    @Override
    public void terminate() {
        if (process.isAlive()) {
            process.toHandle().destroy();
        }
    }

    @Override
    public void kill() {
        // Descendants first, so that none is re-parented and left running once the trainer is gone.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.toHandle().destroyForcibly();
        }
    }

    /** Best effort: a file the trainer still holds open elsewhere (a grandchild) keeps its folder, nothing else. */
    private void removeTmp() {
        if (!Files.exists(tmp)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tmp)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left for the job folder's own removal; the job's result does not depend on it
        }
    }

    private HostExit toExit(int code) {
        // A trainer JVM that ran out of heap exits 1 after printing OutOfMemoryError: say so, it is the likely fix.
        String detail = code != 0 && jvmOutOfMemory ? FailureReasons.jvmOutOfMemoryDetail(false) : null;
        return new HostExit(host, code, false, detail);
    }

    private void pump(LogSink sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!jvmOutOfMemory && FailureReasons.mentionsJvmOutOfMemory(line)) {
                    jvmOutOfMemory = true;
                }
                sink.line(host, line);
            }
        } catch (IOException e) {
            // The pipe closed under us (the process was killed): what was read is in the log.
        } finally {
            drained.complete(null);
        }
    }
}
