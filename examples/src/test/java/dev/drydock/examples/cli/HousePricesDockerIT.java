package dev.drydock.examples.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code drydock train --docker --quick}: the same job as the default, in the real trainer image under the local Docker
 * daemon. Runs where a daemon answers and the image {@value #IMAGE} exists ({@code .ci/run} builds it with
 * {@code trainer/docker/build-image.sh}); skips with the reason elsewhere.
 */
class HousePricesDockerIT {
    private static final String IMAGE = "drydock/trainer:latest";

    @TempDir
    Path home;

    @BeforeAll
    static void needsDaemonAndImage() throws Exception {
        assumeTrue(run("docker", "info") == 0, "no Docker daemon answers (start dockerd; .ci/run does)");
        assumeTrue(run("docker", "image", "inspect", IMAGE) == 0,
                "the trainer image " + IMAGE + " is absent: build it with trainer/docker/build-image.sh");
    }

    @Test
    void train_whenDocker_runsTheRealImageAndWritesTheSubmission() throws IOException {
        ConsoleCapture r = ConsoleCapture.run("train", "--docker", "--quick", "--no-logs", "--home", home.toString());

        assertThat(r.exitCode).as(r.err + r.out).isZero();
        assertThat(r.out).contains("Summary", "hold-out RMSLE");
        List<String> submission = Files.readAllLines(home.resolve("submission.csv"));
        assertThat(submission).hasSize(1460);
        assertThat(submission.get(0)).isEqualTo("Id,SalePrice");
    }

    /** With the image present, the first AWS call is the ECR login: a profile without credentials fails there, offline. */
    @Test
    void train_whenSageMakerProfileHasNoCredentials_printsOneLineWithTheFix() {
        ConsoleCapture r = ConsoleCapture.run("train", "--backend", "sagemaker", "--bucket", "drydock-test-bucket",
                "--role", "arn:aws:iam::123456789012:role/drydock-test", "--region", "us-east-1",
                "--profile", "drydock-no-such-profile", "--home", home.toString(), "--quick");

        assertThat(r.exitCode).as(r.err).isEqualTo(ErrorReporter.EXIT_BAD_INPUT);
        assertThat(r.err).contains("drydock-no-such-profile").contains("aws configure").doesNotContain("\tat ");
    }

    private static int run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        }
    }
}
