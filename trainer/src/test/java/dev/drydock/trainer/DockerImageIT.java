package dev.drydock.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drydock.trainer.output.ModelFiles;
import dev.drydock.trainer.testing.MlTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real trainer image under Docker on a small /opt/ml tree, offline ({@code --pull=never --network none}),
 * through the {@code docker} CLI. Skipped when no Docker daemon answers or the image has not been built
 * ({@code trainer/docker/build-image.sh}).
 */
class DockerImageIT {
    static final String IMAGE = System.getProperty("drydock.trainer.image", "drydock/trainer:latest");

    @TempDir
    Path root;

    @BeforeEach
    void requireDockerAndImage() throws InterruptedException {
        assumeTrue(run(List.of("docker", "info", "--format", "{{.ServerVersion}}"), 20) == 0,
                "Docker daemon: `docker info` failed (no docker CLI or no daemon answering); start dockerd to run this test");
        assumeTrue(run(List.of("docker", "image", "inspect", IMAGE), 20) == 0,
                "Docker image " + IMAGE + " is absent: build it with trainer/docker/build-image.sh");
    }

    private static int run(List<String> command, int timeoutSeconds) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        }
    }

    private Result train(MlTree tree) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker", "run", "--pull=never", "--rm", "--network", "none"));
        // Run as the test's user so that the files the container writes can be cleaned up.
        Object uid = Files.getAttribute(tree.root(), "unix:uid");
        Object gid = Files.getAttribute(tree.root(), "unix:gid");
        command.addAll(List.of("--user", uid + ":" + gid, "-e", "TRAINING_JOB_NAME=docker-it",
                "-v", tree.root().toAbsolutePath() + ":/opt/ml", IMAGE, "train"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }

    @Test
    void train_whenHouseTree_writesModelAndMetrics() throws Exception {
        MlTree tree = MlTree.at(root).hyperparameters(Map.of("max_trials", "3", "folds", "3", "n_estimators", "60"))
                .copy("training", MlTree.HOUSE_TRAIN).mkdirs("model").mkdirs("output");

        Result result = train(tree);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).containsPattern("(?m)^cv_rmsle=0\\.\\d+$");
        assertThat(root.resolve("model/" + ModelFiles.MODEL)).exists();
        assertThat(root.resolve("model/" + ModelFiles.METRICS)).exists();
    }

    @Test
    void train_whenTargetMissing_exitsNonZeroWithFailureReason() throws Exception {
        MlTree tree = MlTree.at(root).hyperparameters(Map.of("target", "Price")).copy("training", MlTree.HOUSE_TRAIN)
                .mkdirs("model").mkdirs("output");

        Result result = train(tree);

        assertThat(result.exitCode()).isNotZero();
        assertThat(tree.failure()).startsWith("target column \"Price\" is missing");
    }

    private record Result(int exitCode, String output) {
    }
}
