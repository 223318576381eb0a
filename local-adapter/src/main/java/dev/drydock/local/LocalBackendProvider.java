package dev.drydock.local;

import dev.drydock.core.Backend;
import dev.drydock.core.BackendSettings;
import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.spi.BackendProvider;
import dev.drydock.core.spi.BackendSetting;
import dev.drydock.local.job.MemorySize;
import dev.drydock.local.process.TrainerCommands;
import dev.drydock.local.registry.RegistryCredentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The local backends by name: {@code process} (the trainer as a child JVM, no Docker; drydock's default) and
 * {@code docker} (the job's image in containers of a local daemon). Registered for {@link java.util.ServiceLoader}.
 */
public final class LocalBackendProvider implements BackendProvider {
    static final BackendSetting HOME = BackendSetting.of("home",
            "folder for jobs/, storage/ (staged inputs, model.tar.gz) and models/ (extracted models)", "~/.drydock");
    static final BackendSetting GRACE_PERIOD = BackendSetting.of("grace-period",
            "time between SIGTERM and SIGKILL when a job is stopped", "2m");
    static final BackendSetting TRAINER_HEAP = BackendSetting.of("trainer-heap",
            "the trainer JVM's heap (-Xmx), such as 4g; the job's java_heap hyperparameter wins over it", "the JVM's default");
    static final BackendSetting TRAINER_JAR = BackendSetting.of("trainer-jar",
            "the trainer jar the process backend runs with java -jar");
    static final BackendSetting TRAINER_COMMAND = BackendSetting.of("trainer-command",
            "the command that starts the trainer (words separated by spaces; the backend appends train)",
            "drydock's trainer on this JVM's class path, when it is there");
    static final BackendSetting DOCKER_HOST = BackendSetting.of("docker-host",
            "the Docker daemon, unix:///path or tcp://host:port", "DOCKER_HOST or unix:///var/run/docker.sock");
    static final BackendSetting MEMORY = BackendSetting.of("memory",
            "each training container's memory limit, such as 2g (as the instance type would impose)", "none");
    static final BackendSetting REGISTRY = BackendSetting.of("registry",
            "the registry an image push goes to when its target names none, such as 127.0.0.1:5000");
    static final BackendSetting REGISTRY_USER = BackendSetting.of("registry-user", "the registry's user name");
    static final BackendSetting REGISTRY_PASSWORD = BackendSetting.of("registry-password", "the registry's password");

    /** For {@link java.util.ServiceLoader}. */
    public LocalBackendProvider() {
    }

    @Override
    public List<String> names() {
        return List.of("process", "docker");
    }

    @Override
    public List<BackendSetting> settings(String name) {
        List<BackendSetting> s = new ArrayList<>(List.of(HOME, GRACE_PERIOD, TRAINER_HEAP));
        if (name.equals("docker")) {
            s.addAll(List.of(DOCKER_HOST, MEMORY, REGISTRY, REGISTRY_USER, REGISTRY_PASSWORD));
        } else {
            s.addAll(List.of(TRAINER_JAR, TRAINER_COMMAND));
        }
        return List.copyOf(s);
    }

    @Override
    public String description(String name) {
        return name.equals("docker") ? "the job's image in local Docker containers" : "the trainer as a child process, no Docker needed";
    }

    @Override
    public Backend create(String name, BackendSettings settings) {
        LocalBackend.Builder b = LocalBackend.builder();
        settings.path(HOME.key()).ifPresent(home -> b.home(checkedHome(settings.origin(HOME.key()), home)));
        settings.get(TRAINER_HEAP.key()).ifPresent(heap -> b.trainerHeap(trainerHeap(settings.origin(TRAINER_HEAP.key()), heap)));
        settings.duration(GRACE_PERIOD.key()).ifPresent(b::gracePeriod);
        if (name.equals("docker")) {
            b.docker(true);
            settings.get(DOCKER_HOST.key()).ifPresent(host -> b.dockerHost(checkedDockerHost(settings.origin(DOCKER_HOST.key()), host)));
            settings.get(MEMORY.key()).ifPresent(size -> b.memoryLimit(memory(settings.origin(MEMORY.key()), size)));
            settings.get(REGISTRY.key()).ifPresent(b::registry);
            registryCredentials(settings).forEach(b::registryCredentials);
        } else {
            trainer(settings, b);
        }
        return b.build();
    }

    private static void trainer(BackendSettings settings, LocalBackend.Builder b) {
        if (settings.get(TRAINER_COMMAND.key()).isPresent()) {
            b.trainerCommand(Arrays.asList(settings.get(TRAINER_COMMAND.key()).get().trim().split("\\s+")));
        } else if (settings.get(TRAINER_JAR.key()).isPresent()) {
            Path jar = settings.path(TRAINER_JAR.key()).orElseThrow();
            if (!Files.isRegularFile(jar)) {
                throw new ConfigurationException(settings.origin(TRAINER_JAR.key()) + " \"" + jar + "\" is not a file: give the"
                        + " path of the trainer jar (trainer/target/drydock-trainer.jar after ./mvnw -pl trainer -am package)");
            }
            b.trainerJar(jar);
        } else {
            b.trainerCommand(TrainerCommands.drydockTrainerOnThisClassPath().orElseThrow(() -> new ConfigurationException(
                    "the process backend needs a trainer to run: set trainer-jar (DRYDOCK_TRAINER_JAR) to the trainer jar,"
                            + " or trainer-command (DRYDOCK_TRAINER_COMMAND), or put drydock's trainer on the class path,"
                            + " or choose the docker backend")));
        }
    }

    /** {@code home} when it is, or can be made, a folder; a file there (or above it) is named as the user gave it. */
    static Path checkedHome(String origin, Path home) {
        Path existing = home.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new ConfigurationException(origin + " \"" + home + "\" " + (existing.equals(home.toAbsolutePath().normalize())
                    ? "is a file, not a folder" : "is below " + existing + ", which is a file")
                    + ": give a folder for jobs, storage and models (it is made when missing)");
        }
        return home;
    }

    private static String trainerHeap(String origin, String size) {
        try {
            dev.drydock.local.job.TrainerHeap.parse(origin, size);
            return size;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }

    private static long memory(String origin, String size) {
        try {
            return MemorySize.parseLimit(origin, size);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }

    /** A daemon address Docker's client can use; a malformed one is named as the user typed it. */
    static String checkedDockerHost(String origin, String host) {
        String rule = " must be unix:///path/to/docker.sock or tcp://host:port";
        java.net.URI uri;
        try {
            uri = new java.net.URI(host);
        } catch (java.net.URISyntaxException e) {
            throw new ConfigurationException(origin + " \"" + host + "\"" + rule + " (" + e.getReason() + ")");
        }
        boolean ok = ("unix".equals(uri.getScheme()) && uri.getPath() != null && !uri.getPath().isEmpty())
                || (("tcp".equals(uri.getScheme()) || "http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && uri.getHost() != null && uri.getPort() > 0);
        if (!ok) {
            throw new ConfigurationException(origin + " \"" + host + "\"" + rule);
        }
        return host;
    }

    private static List<RegistryCredentials> registryCredentials(BackendSettings settings) {
        boolean user = settings.get(REGISTRY_USER.key()).isPresent();
        boolean password = settings.get(REGISTRY_PASSWORD.key()).isPresent();
        if (!user && !password) {
            return List.of();
        }
        if (user != password || settings.get(REGISTRY.key()).isEmpty()) {
            throw new ConfigurationException("registry credentials need registry, registry-user and registry-password"
                    + " together; got " + (settings.get(REGISTRY.key()).isPresent() ? "registry, " : "")
                    + (user ? "registry-user" : "registry-password") + " only");
        }
        return List.of(new RegistryCredentials(settings.get(REGISTRY.key()).get(), settings.get(REGISTRY_USER.key()).get(),
                settings.get(REGISTRY_PASSWORD.key()).get()));
    }
}
