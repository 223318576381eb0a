package dev.drydock.local.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.drydock.core.error.BackendUnavailableException;

import java.time.Duration;

/** Makes docker-java clients and turns "no daemon answers" into a {@link BackendUnavailableException} with the fix. */
public final class DockerClients {
    /** The daemon socket Docker uses when {@code DOCKER_HOST} is not set. */
    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private DockerClients() {
    }

    /** {@code DOCKER_HOST} when set, else {@value #DEFAULT_HOST}. */
    public static String defaultHost() {
        String env = System.getenv("DOCKER_HOST");
        return env == null || env.isBlank() ? DEFAULT_HOST : env;
    }

    /** A client for the daemon at {@code dockerHost} ({@code unix:///...} or {@code tcp://host:port}). */
    public static DockerClient create(String dockerHost) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost)
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** Pings the daemon; throws {@link BackendUnavailableException} saying how to fix it when it does not answer. */
    public static void ping(DockerClient client, String dockerHost) {
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            throw unavailable(dockerHost, e);
        }
    }

    /** The error for a daemon that does not answer. */
    public static BackendUnavailableException unavailable(String dockerHost, Throwable cause) {
        return new BackendUnavailableException("no Docker daemon answers at " + dockerHost + " (" + rootMessage(cause) + "):"
                + " start it (sudo systemctl start docker, or dockerd in the background), point drydock at the right one"
                + " (LocalConfig dockerHost or the DOCKER_HOST variable), or use the process backend, which needs no Docker", cause);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
