package dev.drydock.local.job;

import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.error.Violations;
import dev.drydock.core.model.CheckpointConfig;
import dev.drydock.core.model.StorageObject;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.Storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Keeps every host's {@code /opt/ml/checkpoints} and the spec's checkpoint location in step, as SageMaker does: what
 * is at the location is copied into each host's folder before the trainer starts (so a restarted job resumes), and
 * what the trainer writes there is copied back while it runs and once more when every host has ended (so a job that
 * is stopped, interrupted or killed keeps the checkpoints it had written).
 *
 * <p>Files are copied back when their size or modification time changed since the last copy; nothing is deleted at
 * the location (SageMaker's sync does not delete either). With several hosts, each host's files go to the same
 * location under the same relative names, as on SageMaker: a trainer that checkpoints on every host names its files by
 * host.
 */
final class CheckpointSync {
    /** How often a running job's checkpoints are copied back; SageMaker copies them as they appear. */
    static final Duration INTERVAL = Duration.ofSeconds(5);

    private final Storage storage;
    private final CheckpointConfig config;
    private final List<HostFolder> hosts;
    private final Map<Path, String> copied = new HashMap<>();
    private long lastSyncMillis;

    private CheckpointSync(Storage storage, CheckpointConfig config, List<HostFolder> hosts) {
        this.storage = storage;
        this.config = config;
        this.hosts = List.copyOf(hosts);
    }

    /** A sync for the spec's checkpoints, or one that does nothing when the spec has none. */
    static CheckpointSync of(Storage storage, TrainingJobSpec spec, List<HostFolder> hosts) {
        return new CheckpointSync(Objects.requireNonNull(storage, "storage"), spec.checkpoint(), hosts);
    }

    /**
     * Checks, before the job folder exists, that the checkpoint location is one this storage serves and that the
     * launcher can put the checkpoints where the trainer looks for them.
     *
     * @param customLocalPath whether the launcher can mount the checkpoints at a path other than
     *                        {@value CheckpointConfig#DEFAULT_LOCAL_PATH} (Docker can; a child process sees its
     *                        host folder only)
     */
    static void check(Storage storage, TrainingJobSpec spec, String launcherName, boolean customLocalPath) {
        CheckpointConfig c = spec.checkpoint();
        if (c == null) {
            return;
        }
        Violations v = new Violations();
        v.check(storage.supports(c.uri()), "checkpoint.uri", c.uri(), "is not served by the local " + launcherName
                + " backend's storage: give a file:// location (or an s3:// one the configured storage serves)");
        v.check(customLocalPath || CheckpointConfig.DEFAULT_LOCAL_PATH.equals(c.localPath()), "checkpoint.localPath",
                c.localPath(), "cannot be used by the " + launcherName + " backend, whose trainer finds its checkpoints in"
                        + " the host folder's checkpoints/ (" + CheckpointConfig.DEFAULT_LOCAL_PATH + "): leave localPath"
                        + " unset, or use the docker backend");
        v.throwIfAny();
    }

    /**
     * Copies what the checkpoint location holds into every host's checkpoint folder.
     *
     * @throws StorageIoException when the location cannot be read (the job fails before its trainer starts: resuming
     *                            from nothing would silently redo the work)
     */
    void restore() {
        if (config == null) {
            return;
        }
        StorageUri prefix = config.uri().asPrefix();
        List<StorageObject> objects = storage.list(prefix);
        for (HostFolder host : hosts) {
            for (StorageObject object : objects) {
                String relative = object.uri().key().substring(prefix.key().length());
                if (relative.isEmpty() || relative.endsWith("/")) {
                    continue;
                }
                Path target = safeTarget(host.checkpoints(), relative);
                try {
                    Files.createDirectories(target.getParent());
                } catch (IOException e) {
                    throw new StorageIoException("could not restore the checkpoints of " + config.uri() + " into "
                            + host.checkpoints() + ": " + e.getMessage(), e);
                }
                storage.get(object.uri(), target);
                copied.put(target, stamp(target));
            }
        }
    }

    /** Copies back what changed, at most once per {@link #INTERVAL}; a failure is logged and retried next time. */
    void syncIfDue(JobLog log) {
        long now = System.currentTimeMillis();
        if (config == null || now - lastSyncMillis < INTERVAL.toMillis()) {
            return;
        }
        lastSyncMillis = now;
        syncNow(log);
    }

    /**
     * Copies back every checkpoint file that changed since the last copy.
     *
     * @return whether everything was copied; what failed is written to the job log, with the location
     */
    boolean syncNow(JobLog log) {
        if (config == null) {
            return true;
        }
        boolean all = true;
        for (HostFolder host : hosts) {
            Path root = host.checkpoints();
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String stamp = stamp(file);
                    if (stamp.equals(copied.get(file))) {
                        continue;
                    }
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    storage.put(file, config.uri().asPrefix().resolve(relative));
                    copied.put(file, stamp);
                }
            } catch (IOException | DrydockException e) {
                all = false;
                if (log != null) {
                    log.line(host.host(), "drydock: copying the checkpoints of " + root + " to " + config.uri()
                            + " failed (retried): " + e.getMessage());
                }
            }
        }
        return all;
    }

    private static Path safeTarget(Path root, String relative) {
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root)) {
            // A key such as "../../x" must not write outside the host folder.
            throw new StorageIoException("the checkpoint object \"" + relative + "\" would be restored outside "
                    + root + ": remove it from the checkpoint location");
        }
        return target;
    }

    private static String stamp(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
