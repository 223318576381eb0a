package dev.drydock.aws;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * The pinned LocalStack community image, and whether this machine can run it without pulling: the ITs that need it
 * skip with a reason where the Docker daemon is absent or the image is not present locally (it is never pulled).
 */
final class LocalStackImage {
    /** Newer tags need an auth token; 4.14.0 is the last community tag that runs without one. */
    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.14.0");

    private LocalStackImage() {
    }

    private static String presentPerDockerCli() {
        try {
            Process p = new ProcessBuilder("docker", "image", "inspect", "--format", "{{.Id}}", IMAGE.asCanonicalNameString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "the docker CLI did not answer within 20 s";
            }
            return p.exitValue() == 0 ? null : "the image " + IMAGE.asCanonicalNameString() + " is not present locally"
                    + " (docker image inspect found none) and is never pulled: load it with docker load to run these tests";
        } catch (java.io.IOException e) {
            return null; // no docker CLI on PATH: ask Testcontainers, which talks to the daemon itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while asking docker for " + IMAGE.asCanonicalNameString();
        }
    }

    /** Why the LocalStack ITs cannot run here, or {@code null} when they can. */
    static String unavailableReason() {
        // Asked of the docker CLI first: Testcontainers' own start-up (its Ryuk image, its checks) waits minutes for a
        // registry this machine may not reach before it can say that the image is absent.
        String cli = presentPerDockerCli();
        if (cli != null) {
            return cli;
        }
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return "no Docker daemon answers (start dockerd)";
            }
            DockerClient docker = DockerClientFactory.lazyClient();
            try {
                docker.inspectImageCmd(IMAGE.asCanonicalNameString()).exec();
                return null;
            } catch (com.github.dockerjava.api.exception.NotFoundException e) {
                return "the image " + IMAGE.asCanonicalNameString() + " is not present locally and is never pulled"
                        + " (load it with docker load to run these tests)";
            }
        } catch (RuntimeException e) {
            return "Docker could not be asked for " + IMAGE.asCanonicalNameString() + ": " + e.getMessage();
        }
    }
}
