package dev.drydock.local.process;

import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.local.job.HostLaunch;
import dev.drydock.local.job.HostLauncher;
import dev.drydock.local.job.HostProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts each host as a child process on this machine, with {@code /opt/ml} moved to the host's folder. */
final class ChildProcessLauncher implements HostLauncher {
    /** The variable that tells the trainer where its {@code /opt/ml} tree is. */
    static final String ML_ROOT_ENV = "DRYDOCK_ML_ROOT";

    private final List<String> command;
    private final List<String> arguments;
    private final Path trainerJar;

    ChildProcessLauncher(List<String> command, List<String> arguments, Path trainerJar) {
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
    public HostProcess launch(HostLaunch launch) {
        List<String> line = new ArrayList<>(launch.spec().containerEntrypoint().isEmpty() ? command : launch.spec().containerEntrypoint());
        line.addAll(launch.spec().containerArguments().isEmpty() ? arguments : launch.spec().containerArguments());
        ProcessBuilder builder = new ProcessBuilder(line)
                .directory(launch.folder().root().toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Map<String, String> env = builder.environment();
        env.clear(); // the trainer gets what a container gets, not this process's secrets
        env.putAll(ChildEnvironment.of(System.getenv(), launch.environment()));
        env.put(ML_ROOT_ENV, launch.folder().root().toString());
        try {
            return new ChildProcessHost(launch.host(), builder.start(), launch.sink());
        } catch (IOException e) {
            throw new ConfigurationException("could not start " + String.join(" ", line) + ": " + e.getMessage()
                    + "; check the trainer command (LocalConfig trainerCommand or the spec's containerEntrypoint)", e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
