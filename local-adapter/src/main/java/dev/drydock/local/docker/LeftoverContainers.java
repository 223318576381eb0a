package dev.drydock.local.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.drydock.core.model.JobName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The {@value #FILE} file of a host's folder: the id of the container the host runs in, so that another process can
 * stop the containers of a job whose submitting JVM died (killed with SIGKILL: no shutdown hook removed them), as
 * {@code host.pid} lets it end a child-process host. A recorded container is stopped only when its labels say this
 * job root's same job created it: the daemon is shared, and drydock stops nothing it does not own.
 */
final class LeftoverContainers {
    /** The file's name in the host's folder. */
    static final String FILE = "container.id";

    private final DockerClient client;
    private final DockerNames names;
    private final Consumer<String> remove;

    /** Leftovers on {@code client} of the jobs {@code names} names; {@code remove} removes a container by id. */
    LeftoverContainers(DockerClient client, DockerNames names, Consumer<String> remove) {
        this.client = client;
        this.names = names;
        this.remove = remove;
    }

    /** Records {@code containerId} in {@code hostFolder}; best effort, the shutdown hook is what removes it normally. */
    static void record(Path hostFolder, String containerId) {
        try {
            Files.writeString(hostFolder.resolve(FILE), containerId + "\n");
        } catch (IOException e) {
            // a full disk: the job's own JVM still removes its containers when it ends or exits
        }
    }

    /**
     * Stops and removes the recorded containers of the job in {@code jobFolder} that are this job root's: a running
     * one gets {@code docker stop} with the grace period (SIGTERM, then SIGKILL from the daemon when it is over).
     * Never throws.
     *
     * @return the hosts whose container was still running
     */
    List<String> end(Path jobFolder, Duration grace) {
        List<String> stopped = new ArrayList<>();
        JobName job;
        try {
            job = JobName.of(jobFolder.getFileName().toString());
        } catch (RuntimeException e) {
            return stopped;
        }
        try (Stream<Path> hosts = Files.list(jobFolder)) {
            for (Path host : hosts.sorted().toList()) {
                if (Files.isRegularFile(host.resolve(FILE)) && endOne(job, Files.readString(host.resolve(FILE)).trim(), grace)) {
                    stopped.add(host.getFileName().toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the folder went, or the daemon does not answer: a reader must not fail for it
        }
        return stopped;
    }

    private boolean endOne(JobName job, String id, Duration grace) {
        InspectContainerResponse container;
        try {
            container = client.inspectContainerCmd(id).exec();
        } catch (NotFoundException e) {
            return false; // removed already
        }
        if (!names.owns(container.getConfig() == null ? null : container.getConfig().getLabels(), job)) {
            return false; // not what drydock created for this job of this job root: never touched
        }
        boolean running = container.getState() != null && Boolean.TRUE.equals(container.getState().getRunning());
        if (running) {
            long seconds = grace.getSeconds() + (grace.getNano() > 0 ? 1 : 0);
            try {
                client.stopContainerCmd(id).withTimeout((int) Math.min(Integer.MAX_VALUE, seconds)).exec();
            } catch (RuntimeException e) {
                // ended meanwhile: removed below all the same
            }
        }
        remove.accept(id);
        return running;
    }
}
