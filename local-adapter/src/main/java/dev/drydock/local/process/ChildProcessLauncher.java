package dev.drydock.local.process;

import dev.drydock.archive.DiskSpace;
import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.local.job.HostLaunch;
import dev.drydock.local.job.HostLauncher;
import dev.drydock.local.job.HostProcess;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts each host as a child process on this machine, with {@code /opt/ml} moved to the host's folder.
 *
 * <p>Several hosts: child processes share the machine's loopback and cannot be told apart by name ({@code algo-2}
 * resolves nowhere), so each job gets its own free port on {@code 127.0.0.1} for the leader's tracker, passed to every
 * host as {@value #TRACKER_HOST_ENV} and {@value #TRACKER_PORT_ENV}. On SageMaker and on the Docker backend these are
 * not set: every host reaches the leader by its name {@code algo-1} on the job's network, at the trainer's fixed
 * tracker port. Two jobs at once never share a port, as two SageMaker jobs never share an instance.
 */
final class ChildProcessLauncher implements HostLauncher {
    /** The variable that tells the trainer where its {@code /opt/ml} tree is. */
    static final String ML_ROOT_ENV = dev.drydock.contract.OptMl.ROOT_ENV;
    /** The address the leader's tracker binds and the other hosts join, set for jobs of several hosts. */
    static final String TRACKER_HOST_ENV = "DRYDOCK_TRACKER_HOST";
    /** The tracker's port, allocated per job, set for jobs of several hosts. */
    static final String TRACKER_PORT_ENV = "DRYDOCK_TRACKER_PORT";
    private static final String LOOPBACK = "127.0.0.1";
    /** The host's own temp folder, under its {@code /opt/ml} tree, removed when the host ends. */
    static final String HOST_TMP = "tmp";

    private final Map<JobName, Integer> trackerPorts = new ConcurrentHashMap<>();

    private final List<String> command;
    private final List<String> arguments;
    private final Path trainerJar;

    private static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    private final Duration gracePeriod;
    /** DRYDOCK_JAVA_OPTS and the trainer heap's -Xmx, for the trainer JVM. */
    private final List<String> javaOptions;

    ChildProcessLauncher(List<String> command, List<String> arguments, Path trainerJar, Duration gracePeriod,
                         List<String> javaOptions) {
        this.gracePeriod = gracePeriod;
        this.javaOptions = List.copyOf(javaOptions);
        this.command = List.copyOf(command);
        this.arguments = List.copyOf(arguments);
        this.trainerJar = trainerJar;
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public void preflight(TrainingJobSpec spec) {
        if (spec.containerEntrypoint().isEmpty() && trainerJar != null && !Files.isRegularFile(trainerJar)) {
            throw new ConfigurationException("the trainer jar " + trainerJar + " of the local process backend does not exist:"
                    + " build it (./mvnw -pl trainer package) or configure another jar or command (LocalConfig trainerJar,"
                    + " trainerCommand), or set the spec's containerEntrypoint");
        }
    }

    @Override
    public void beforeHosts(JobName job, List<String> hosts) {
        if (hosts.size() > 1) {
            trackerPorts.put(job, freeLoopbackPort());
        }
    }

    @Override
    public void afterHosts(JobName job) {
        trackerPorts.remove(job);
    }

    /**
     * A port nothing listens on now. The socket is closed before the leader binds the port, so another program could
     * take it in between; the leader then fails at once with the port in its reason, which is rare and clear.
     */
    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ConfigurationException("could not find a free port on " + LOOPBACK + " for the job's tracker: "
                    + e.getMessage() + "; check that the loopback interface is up", e);
        }
    }

    @Override
    public List<String> endLeftovers(Path jobFolder, java.time.Duration grace) {
        return HostPids.endLeftovers(jobFolder, grace);
    }

    @Override
    public HostProcess launch(HostLaunch launch) {
        List<String> line = new ArrayList<>(launch.spec().containerEntrypoint().isEmpty() ? command : launch.spec().containerEntrypoint());
        line.addAll(launch.spec().containerArguments().isEmpty() ? arguments : launch.spec().containerArguments());
        Path tmp = launch.folder().root().resolve(HOST_TMP);
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new StorageIoException("could not create the temp folder " + tmp + " of " + launch.host() + ": "
                    + DiskSpace.reason(e) + "; check that the job root is writable", e);
        }
        List<String> trainer = withJavaOptions(line, tmp, javaOptions);
        // The pipe on stdin is never written: the watchdog sees its end when this JVM is gone, however it ended.
        ProcessBuilder builder = new ProcessBuilder(HostWatchdog.wrap(trainer))
                .directory(launch.folder().root().toFile())
                .redirectErrorStream(true)
                .redirectInput(HostWatchdog.available() ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(nullDevice()));
        Map<String, String> env = builder.environment();
        env.clear(); // the trainer gets what a container gets, not this process's secrets
        env.putAll(ChildEnvironment.of(System.getenv(), launch.environment()));
        env.put(ML_ROOT_ENV, launch.folder().root().toString());
        env.put("TMPDIR", tmp.toString());
        if (!isJava(line) && !javaOptions.isEmpty()) {
            // A script that starts java itself: the JVM reads these (the job's own come after, and win).
            String own = env.get(JAVA_TOOL_OPTIONS);
            env.put(JAVA_TOOL_OPTIONS, String.join(" ", javaOptions) + (own == null ? "" : " " + own));
        }
        env.put(HostWatchdog.GRACE_ENV, HostWatchdog.graceSeconds(gracePeriod));
        env.put(HostWatchdog.TMP_ENV, tmp.toString());
        Integer trackerPort = trackerPorts.get(launch.spec().name());
        if (trackerPort != null) {
            env.put(TRACKER_HOST_ENV, LOOPBACK);
            env.put(TRACKER_PORT_ENV, String.valueOf(trackerPort));
        }
        try {
            Process process = builder.start();
            HostPids.record(launch.folder().root(), process.toHandle());
            return new ChildProcessHost(launch.host(), process, launch.sink(), tmp);
        } catch (IOException e) {
            throw new ConfigurationException("could not start " + String.join(" ", line) + ": " + e.getMessage()
                    + "; check the trainer command (LocalConfig trainerCommand or the spec's containerEntrypoint)", e);
        }
    }

    /**
     * {@code line} with {@code -Djava.io.tmpdir=<tmp>} and {@code options} after the program when it is a
     * {@code java} launcher, so that the trainer JVM unpacks XGBoost's native library into the host's own folder,
     * which goes when the host ends (in the shared temp folder every trainer killed by SIGKILL left 15.7 MB behind),
     * and gets the heap and options the backend was given. Other programs get {@code TMPDIR} and
     * {@code JAVA_TOOL_OPTIONS}.
     */
    static List<String> withJavaOptions(List<String> line, Path tmp, List<String> options) {
        if (!isJava(line)) {
            return line;
        }
        List<String> out = new ArrayList<>(line);
        out.add(1, "-Djava.io.tmpdir=" + tmp);
        out.addAll(2, options);
        return out;
    }

    private static boolean isJava(List<String> line) {
        String program = Path.of(line.get(0)).getFileName().toString();
        return program.equals("java") || program.equals("java.exe");
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
