package dev.drydock.local.job;

import dev.drydock.contract.FailureFile;
import dev.drydock.contract.OptMl;

/**
 * Turns how a host ended into the job's FailureReason: the reason in its {@code /opt/ml/output/failure} (its first
 * paragraph, at most {@value #MAX_REASON} characters, see {@link FailureFile#reason(String)}), or, when the trainer
 * wrote none, a reason that names the exit code, the signal (exit codes 128+N) or the out-of-memory kill (with the memory limit the host exceeded, when it
 * had one). A SIGKILL is called out of memory only when the launcher says so ({@link HostExit#oomKilled()}): a stop
 * or max runtime also ends in SIGKILL.
 */
public final class FailureReasons {
    /** How much of the failure file becomes the reason, as in SageMaker. */
    public static final int MAX_REASON = FailureFile.MAX_REASON;

    private static final String[] SIGNALS = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS",
        "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM"};

    private FailureReasons() {
    }

    /** The reason for {@code exit} of the host whose tree is {@code folder}. */
    public static String of(HostExit exit, HostFolder folder) {
        String fromFile = readFailureFile(folder);
        if (fromFile != null) {
            String memory = memoryHint(exit);
            if (memory == null) {
                return fromFile;
            }
            // The trainer's own words first, but the fix for running out of memory must survive the 1024-character cut.
            String suffix = " (" + memory + ")";
            String head = fromFile.strip();
            return head.length() + suffix.length() <= MAX_REASON ? head + suffix
                    : head.substring(0, Math.max(0, MAX_REASON - suffix.length())) + suffix;
        }
        String host = exit.host();
        String code = "exit code " + exit.exitCode();
        String noFile = " and wrote no " + OptMl.CONTAINER.failureFile() + " file";
        String reason;
        if (exit.oomKilled()) {
            reason = outOfMemory(exit);
        } else if (exit.exitCode() > 128 && exit.exitCode() - 128 < SIGNALS.length) {
            String signal = SIGNALS[exit.exitCode() - 128];
            reason = host + ": the trainer was killed by signal " + signal + " (" + code + ")" + noFile
                    + (exit.exitCode() == 137 ? sigkillHint(exit) : "");
        } else {
            reason = host + ": the trainer exited with " + code + noFile + "; see the job's logs";
        }
        if (exit.detail() != null && !exit.detail().isBlank()) {
            reason = reason + " (" + exit.detail() + ")";
        }
        return truncate(reason);
    }

    /** The out-of-memory fix the backend knows for {@code exit}, or {@code null} when it did not run out of memory. */
    private static String memoryHint(HostExit exit) {
        if (exit.oomKilled()) {
            return outOfMemory(exit);
        }
        if (exit.detail() != null && exit.detail().contains("java.lang.OutOfMemoryError")) {
            return exit.detail();
        }
        return null;
    }

    /**
     * The reason of a host the kernel killed for memory. With a limit, the container's own limit is what it ran
     * into; without one, the machine ran out.
     */
    private static String outOfMemory(HostExit exit) {
        String code = "exit code " + exit.exitCode();
        if (exit.memoryLimit() > 0) {
            return exit.host() + ": out of memory: the container exceeded its memory limit of "
                    + MemorySize.format(exit.memoryLimit()) + " and was killed (" + code
                    + "); raise the limit (the docker backend's memory setting: --memory 4g) or use less memory";
        }
        return exit.host() + ": out of memory: the trainer ran out of memory and was killed by the kernel (OOMKilled, " + code
                + "); give it more memory or make it use less";
    }

    /**
     * What a SIGKILL that was not an out-of-memory kill may mean. Under a memory limit the daemon would have said
     * OOMKilled had the limit been hit, so the kill came from elsewhere; without one, the machine's out-of-memory
     * killer remains a possibility, but only that.
     */
    private static String sigkillHint(HostExit exit) {
        if (exit.memoryLimit() > 0) {
            return "; not for memory: it was not killed for exceeding its memory limit of "
                    + MemorySize.format(exit.memoryLimit()) + ", so something else sent SIGKILL (docker kill or stop?)";
        }
        return "; if nobody killed it, the system's out-of-memory killer may have";
    }

    /** Whether {@code line} is a JVM reporting that its heap (or metaspace, or direct memory) ran out. */
    public static boolean mentionsJvmOutOfMemory(String line) {
        return line.contains("java.lang.OutOfMemoryError");
    }

    /**
     * The detail for a host whose log shows {@code java.lang.OutOfMemoryError}: the JVM's own limit, not the machine's
     * or the container's, was reached.
     */
    public static String jvmOutOfMemoryDetail(boolean containerLimit) {
        return "the log shows java.lang.OutOfMemoryError: the JVM ran out of its own memory (heap -Xmx, metaspace or"
                + " direct memory)" + (containerLimit ? " before the container was killed" : "")
                + "; give the trainer a larger heap (-Xmx): the job's hyperparameter java_heap (java_heap=4g), or the local"
                + " backend's trainer-heap setting (--trainer-heap 4g), or make it use less memory";
    }

    /** The first {@value #MAX_REASON} characters of {@code text}. */
    public static String truncate(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }

    private static String readFailureFile(HostFolder folder) {
        // The contract module's rule: the first paragraph, bounded, never a stack trace dumped into the file.
        return FailureFile.readReason(folder.failureFile()).orElse(null);
    }
}
