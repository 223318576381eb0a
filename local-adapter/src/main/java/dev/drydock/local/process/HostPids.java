package dev.drydock.local.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * Sends SIGTERM to what runs of the hosts recorded under {@code jobFolder}: the recorded process (whose shell
     * passes it on to the trainer) and its descendants, unless the pid now names another program, and every process
     * of its process group (Linux).
     * Never throws.
     */
    static void endLeftovers(Path jobFolder) {
        try (Stream<Path> hosts = Files.list(jobFolder)) {
            hosts.map(h -> h.resolve(FILE)).filter(Files::isRegularFile).forEach(HostPids::endHost);
        } catch (IOException | RuntimeException e) {
            // nothing to end, or the folder went: a reader must not fail for it
        }
    }

    private static void endHost(Path pidFile) {
        try {
            String[] fields = Files.readString(pidFile).trim().split(" ");
            long pid = Long.parseLong(fields[0]);
            Optional<ProcessHandle> recorded = ProcessHandle.of(pid);
            if (recorded.isPresent()) {
                String start = recorded.get().info().startInstant().map(Instant::toString).orElse("-");
                if (!start.equals(fields[1])) {
                    return; // the pid belongs to another program now, and so does any group it leads
                }
                recorded.get().descendants().forEach(ProcessHandle::destroy);
                recorded.get().destroy();
            }
            // The watchdog may be gone (or a zombie no one reaps, whose orphans are no longer its descendants): its
            // group, which under setsid has its pid, may still hold the trainer.
            for (ProcessHandle p : inGroup(pid)) {
                p.destroy();
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable record: nothing to end safely
        }
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
