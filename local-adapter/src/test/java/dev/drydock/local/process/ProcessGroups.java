package dev.drydock.local.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process group of a process, from Linux's {@code /proc/<pid>/stat}: for the tests of the child's isolation. */
final class ProcessGroups {
    private ProcessGroups() {
    }

    /** The process group id of {@code pid}; the fifth field of its stat line, after the command in parentheses. */
    static long of(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[2]);
    }
}
