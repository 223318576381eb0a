package dev.drydock.local.docker;

import com.github.dockerjava.api.DockerClient;
import dev.drydock.core.model.JobName;
import dev.drydock.core.port.Storage;
import dev.drydock.local.job.StorageModelPublisher;
import dev.drydock.testkit.JobWaiter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real Docker daemon as the Docker ITs use it: connected, with the {@linkplain ScriptedImage scripted image}
 * built (the test is skipped, saying why, when there is no daemon or base image), backends on it, and the checks on
 * what a job left on the daemon.
 */
final class DockerTestDaemon implements AutoCloseable {
    /** How often a waiter polls, and how long it waits for a job. */
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final DockerClient client;

    private DockerTestDaemon(DockerClient client) {
        this.client = client;
    }

    /** The daemon with the scripted image built; skips the calling test when either is missing. */
    static DockerTestDaemon connect() {
        DockerClient client = DockerClients.create(DockerClients.defaultHost());
        Optional<String> missing = ScriptedImage.prepare(client);
        if (missing.isPresent()) {
            closeQuietly(client);
        }
        assumeTrue(missing.isEmpty(), () -> "skipped: " + missing.orElse(""));
        return new DockerTestDaemon(client);
    }

    /** Skips the calling test unless the daemon answers and the scripted image is built; keeps no client open. */
    static void assumeReady() {
        connect().close();
    }

    /** The client. */
    DockerClient client() {
        return client;
    }

    /** A backend keeping jobs under {@code jobRoot}, staging from and publishing to {@code storage}. */
    static DockerTrainingBackend.Builder backend(Path jobRoot, Storage storage, Duration grace) {
        return DockerTrainingBackend.builder().jobRoot(jobRoot).storage(storage)
                .modelPublisher(new StorageModelPublisher(storage)).gracePeriod(grace);
    }

    /** A waiter on {@code backend} polling every 50 ms for up to a minute. */
    static JobWaiter waiter(DockerTrainingBackend backend) {
        return new JobWaiter(backend, POLL, PATIENCE);
    }

    /** The id of the running container of {@code job}'s {@code host}, waiting up to 30 s for it. */
    String runningContainerOf(JobName job, String host) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            var running = client.listContainersCmd().withLabelFilter(Map.of(DockerLauncher.JOB_LABEL, job.value(),
                    DockerNames.HOST_LABEL, host)).exec();
            if (!running.isEmpty()) {
                return running.get(0).getId();
            }
            Thread.sleep(50);
        }
        throw new AssertionError(host + " of job " + job + " never ran");
    }

    /** Fails unless, within 5 s, no container (running or not) and no network of {@code job} is left. */
    void assertNothingLeft(JobName job) throws InterruptedException {
        Map<String, String> label = Map.of(DockerLauncher.JOB_LABEL, job.value());
        for (int i = 0; i < 100; i++) {
            boolean containers = !client.listContainersCmd().withShowAll(true).withLabelFilter(label).exec().isEmpty();
            boolean networks = client.listNetworksCmd().exec().stream().anyMatch(n -> n.getLabels() != null
                    && job.value().equals(n.getLabels().get(DockerLauncher.JOB_LABEL)));
            if (!containers && !networks) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("containers or networks of job " + job + " were left behind");
    }

    @Override
    public void close() {
        closeQuietly(client);
    }

    private static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
