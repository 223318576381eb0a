package dev.drydock.local.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.local.DirectoryStorageFake;
import dev.drydock.testkit.ContainerBehaviour;
import dev.drydock.testkit.JobWaiter;
import dev.drydock.testkit.ScriptedContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Container names are global on a daemon, job names only unique per job root: jobs of the same name under two job
 * roots (two {@code --home}s) run side by side, and no backend removes a container it did not create.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerJobOwnershipIT {
    @TempDir
    Path tmp;

    private DockerTestDaemon daemon;
    private DockerClient client;
    private final DirectoryStorageFake storage = new DirectoryStorageFake();

    @BeforeAll
    void needsDaemonAndImage() {
        daemon = DockerTestDaemon.connect();
        client = daemon.client();
    }

    @AfterAll
    void closeClient() {
        daemon.close();
    }

    @Test
    void submit_whenAnotherJobRootRunsAJobOfTheSameName_bothRunAndEachStopsCleanly() throws Exception {
        JobName name = JobName.generate("same-name");
        DockerTrainingBackend first = backend(tmp.resolve("home-a/jobs"));
        DockerTrainingBackend second = backend(tmp.resolve("home-b/jobs"));
        JobWaiter firstWaiter = waiter(first);
        JobWaiter secondWaiter = waiter(second);

        first.submit(sleeping(name));
        firstWaiter.awaitLogLine(name, ScriptedContainer.SLEEPING_LINE);
        second.submit(sleeping(name));
        secondWaiter.awaitLogLine(name, ScriptedContainer.SLEEPING_LINE);

        assertThat(first.describe(name).state()).as("the first home's job runs on").isEqualTo(JobState.IN_PROGRESS);
        first.stop(name);
        second.stop(name);
        JobDescription a = firstWaiter.awaitEnd(name);
        JobDescription b = secondWaiter.awaitEnd(name);
        assertThat(a.state()).as(a.failureReason()).isEqualTo(JobState.STOPPED);
        assertThat(b.state()).as(b.failureReason()).isEqualTo(JobState.STOPPED);
    }

    @Test
    void submit_whenAContainerDrydockDidNotCreateHoldsTheName_leavesItAndFailsSayingSo() throws Exception {
        Path jobRoot = tmp.resolve("home-c/jobs");
        JobName name = JobName.generate("foreign-name");
        String containerName = new DockerNames(jobRoot).container(name, "algo-1");
        String foreign = client.createContainerCmd(ScriptedImage.BASE).withName(containerName)
                .withEntrypoint(List.of("sleep", "600")).exec().getId();
        try {
            DockerTrainingBackend backend = backend(jobRoot);
            backend.submit(sleeping(name));

            JobDescription d = waiter(backend).awaitEnd(name);

            assertThat(d.state()).isEqualTo(JobState.FAILED);
            assertThat(d.failureReason()).contains(containerName, "was not created by drydock", "docker rm -f " + containerName);
            assertThat(client.inspectContainerCmd(foreign).exec().getId()).as("the foreign container is still there")
                    .isEqualTo(foreign);
        } finally {
            try {
                client.removeContainerCmd(foreign).withForce(true).exec();
            } catch (NotFoundException e) {
                // the test failed because it was removed
            }
        }
    }

    private DockerTrainingBackend backend(Path jobRoot) {
        return DockerTestDaemon.backend(jobRoot, storage, Duration.ofSeconds(5)).build();
    }

    private static JobWaiter waiter(DockerTrainingBackend backend) {
        return DockerTestDaemon.waiter(backend);
    }

    private TrainingJobSpec sleeping(JobName name) throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data/train"));
        Files.writeString(data.resolve("a.csv"), "a,b\n1,2\n");
        return ContainerBehaviour.SLEEP_UNTIL_STOPPED.applyTo(TrainingJobSpec.builder().image(ScriptedImage.IMAGE))
                .name(name).channel("train", StorageUri.of(data)).outputPath(StorageUri.of(tmp).resolve("out/")).build();
    }
}
