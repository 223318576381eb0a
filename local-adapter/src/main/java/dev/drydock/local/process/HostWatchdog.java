package dev.drydock.local.process;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Wraps a host's command so that the trainer dies with the JVM that started it, also when that JVM is killed with
 * SIGKILL and runs no shutdown hook.
 *
 * <p>The host is started as {@code setsid sh -c <script> drydock-host <command...>}: the shell leads a session and
 * process group of its own, so a terminal's Ctrl-C reaches only the JVM (which then stops the job with its grace
 * period) and never the trainer directly. The shell starts the trainer in the background and keeps this JVM's pipe
 * on its stdin, which the JVM never writes: end of file on it means the JVM is gone, and a watcher in the shell then
 * sends the trainer SIGTERM, waits the grace period (so the trainer saves what it has, as on a stop) and sends
 * SIGKILL. SIGTERM sent to the shell by the backend's stop is passed on to the trainer, so a stop works as with no
 * wrapper; the shell exits with the trainer's status. When the trainer has ended the shell removes the host's temp
 * folder, where the trainer JVM unpacked its native libraries.
 *
 * <p>Without {@code setsid} (macOS) the shell runs in this JVM's process group: the trainer still dies with the
 * JVM, but Ctrl-C reaches it too. Without {@code sh} (Windows) the command runs as it is.
 */
final class HostWatchdog {
    /**
     * The shell script: {@code $1..} is the trainer's command; {@code DRYDOCK_WATCHDOG_GRACE} the grace period in
     * seconds, {@code DRYDOCK_WATCHDOG_TMP} the folder to remove at the end. The pipe is kept as fd 3 first, since a
     * shell gives a background job {@code /dev/null} as its stdin. {@code read} is a shell builtin, so the
     * watcher is one subshell that {@code kill} ends whole; the loop around {@code wait} resumes after the trapped
     * SIGTERM interrupted it.
     */
    static final String SCRIPT = String.join("\n",
            "exec 3<&0",
            "\"$@\" </dev/null 3<&- &",
            "child=$!",
            "trap 'kill -TERM \"$child\" 2>/dev/null' TERM INT HUP",
            "( trap - TERM INT HUP",
            "  while read -r _; do :; done",
            "  kill -TERM \"$child\" 2>/dev/null",
            "  sleep \"$DRYDOCK_WATCHDOG_GRACE\"",
            "  kill -KILL \"$child\" 2>/dev/null ) <&3 &",
            "exec 3<&-",
            "watcher=$!",
            "while :; do",
            "  wait \"$child\"; code=$?",
            "  kill -0 \"$child\" 2>/dev/null || break",
            "done",
            "kill -KILL \"$watcher\" 2>/dev/null",
            "rm -rf \"$DRYDOCK_WATCHDOG_TMP\"",
            "exit \"$code\"");
    /** The variable that carries the grace period, in whole seconds, to the watcher. */
    static final String GRACE_ENV = "DRYDOCK_WATCHDOG_GRACE";
    /** The variable that names the host's temp folder, removed when the trainer has ended. */
    static final String TMP_ENV = "DRYDOCK_WATCHDOG_TMP";

    private static final Optional<String> SETSID = onPath("setsid");
    private static final Optional<String> SH = onPath("sh");

    private HostWatchdog() {
    }

    /** Whether hosts are watched on this machine ({@code sh} found); otherwise they run unwrapped. */
    static boolean available() {
        return SH.isPresent();
    }

    /** Whether hosts get a session and process group of their own ({@code setsid} found). */
    static boolean ownSession() {
        return SH.isPresent() && SETSID.isPresent();
    }

    /** {@code command} wrapped as described above, or unchanged where there is no {@code sh}. */
    static List<String> wrap(List<String> command) {
        if (SH.isEmpty()) {
            return command;
        }
        List<String> line = new ArrayList<>();
        SETSID.ifPresent(line::add);
        line.addAll(List.of(SH.get(), "-c", SCRIPT, "drydock-host"));
        line.addAll(command);
        return line;
    }

    /** The grace period as the watcher's {@code sleep} takes it: whole seconds, rounded up. */
    static String graceSeconds(Duration grace) {
        long seconds = grace.getSeconds() + (grace.getNano() > 0 ? 1 : 0);
        return String.valueOf(seconds);
    }

    private static Optional<String> onPath(String program) {
        if (System.getProperty("os.name").startsWith("Windows")) {
            return Optional.empty();
        }
        String path = System.getenv("PATH");
        List<String> folders = new ArrayList<>(List.of(path == null ? new String[0] : path.split(File.pathSeparator)));
        folders.addAll(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
        return folders.stream().filter(f -> !f.isBlank()).map(f -> Path.of(f, program))
                .filter(p -> p.toFile().canExecute()).map(Path::toString).findFirst();
    }
}
