package dev.drydock.local.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@value #FILE} file of a host's folder: the pid and start time of the process the backend started (the
 * watchdog shell, which leads the host's process group under {@code setsid}), so that another process can end a host
 * whose owning JVM died and whose watchdog did not end it (the watchdog itself was killed with SIGKILL).
 *
 * <p>The start time guards against a pid the system has given to another program since.
 */
final class HostPids {
    /** The file's name in the host's folder. */
    static final String FILE = "host.pid";
    /** How long to wait for SIGKILL to take effect. */
    private static final Duration KILL_ALLOWANCE = Duration.ofSeconds(5);
    /** How often to look whether the signalled processes have ended (they are not this JVM's children). */
    private static final long POLL_MILLIS = 100;

    private HostPids() {
    }

    /** Records {@code process} in {@code hostFolder}; best effort, the watchdog is what ends hosts in the first place. */
    static void record(Path hostFolder, ProcessHandle process) {
        String start = process.info().startInstant().map(Instant::toString).orElse("-");
        try {
            Files.writeString(hostFolder.resolve(FILE), process.pid() + " " + start + "\n");
        } catch (IOException e) {
            // a full disk: the host still dies with its JVM through the watchdog
        }
    }

    /**
     * Ends what runs of the hosts recorded under {@code jobFolder} as a stop does: SIGTERM to the recorded process
     * (whose shell passes it on to the trainer), its descendants and every process of its process group (Linux), up
     * to {@code grace} for them to exit, then SIGKILL to those still alive. A trainer whose watchdog shell was killed
     * too gets the SIGKILL here, so one that ignores SIGTERM (or hangs while saving) cannot run on. Never throws.
     *
     * <p>Pid reuse: a recorded pid whose start time differs names another program now and is left alone, and so is
     * its group; every process found is signalled through its {@link ProcessHandle}, which the JDK checks against
     * the start time it had when found, so a pid that ends and is reused during the grace period is not killed.
     *
     * @return the hosts ({@code algo-1} ..) that still had a process running
     */
    static List<String> endLeftovers(Path jobFolder, Duration grace) {
        List<String> hosts = new ArrayList<>();
        List<ProcessHandle> ended = new ArrayList<>();
        try (Stream<Path> folders = Files.list(jobFolder)) {
            for (Path host : folders.sorted().toList()) {
                List<ProcessHandle> found = leftoversOf(host.resolve(FILE));
                if (!found.isEmpty()) {
                    hosts.add(host.getFileName().toString());
                    ended.addAll(found);
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to end, or the folder went: a reader must not fail for it
        }
        ended.forEach(ProcessHandle::destroy);
        awaitEnd(ended, grace);
        ended.stream().filter(HostPids::running).forEach(ProcessHandle::destroyForcibly);
        awaitEnd(ended, KILL_ALLOWANCE); // SIGKILL is delivered asynchronously: return once it has taken effect
        return hosts;
    }

    /**
     * Whether {@code process} still runs: alive and not a zombie (an orphan whose exit no one has reaped yet, as in a
     * container whose init does not reap, has ended all the same).
     */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return process.isAlive(); // no /proc (not Linux), or it ended meanwhile
        }
    }

    private static void awaitEnd(List<ProcessHandle> processes, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (processes.stream().anyMatch(HostPids::running) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The live processes of the host whose record is {@code pidFile}: none when it ended or its pid is another's. */
    private static List<ProcessHandle> leftoversOf(Path pidFile) {
        List<ProcessHandle> found = new ArrayList<>();
        if (!Files.isRegularFile(pidFile)) {
            return found;
        }
        try {
            String[] fields = Files.readString(pidFile).trim().split(" ");
            long pid = Long.parseLong(fields[0]);
            Optional<ProcessHandle> recorded = ProcessHandle.of(pid);
            if (recorded.isPresent()) {
                String start = recorded.get().info().startInstant().map(Instant::toString).orElse("-");
                if (!start.equals(fields[1])) {
                    return found; // the pid belongs to another program now, and so does any group it leads
                }
                recorded.get().descendants().forEach(found::add);
                found.add(recorded.get());
            }
            // The watchdog may be gone (or a zombie no one reaps, whose orphans are no longer its descendants): its
            // group, which under setsid has its pid, may still hold the trainer.
            for (ProcessHandle p : inGroup(pid)) {
                if (!found.contains(p)) {
                    found.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable record: nothing to end safely
        }
        found.removeIf(p -> !running(p));
        return found;
    }

    /** The process group id of {@code pid} on Linux: the fifth field of {@code /proc/<pid>/stat}, after the command. */
    static long processGroup(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[2]);
    }

    private static List<ProcessHandle> inGroup(long pgid) {
        List<ProcessHandle> members = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(p -> {
            try {
                if (processGroup(p.pid()) == pgid) {
                    members.add(p);
                }
            } catch (IOException | RuntimeException e) {
                // ended meanwhile, or no /proc (not Linux)
            }
        });
        return members;
    }
}
