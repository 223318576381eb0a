package dev.drydock.aws;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A Docker registry v2 (Debian's {@code docker-registry}, the CNCF distribution) on 127.0.0.1 that requires basic
 * auth as ECR does: user {@code AWS} with {@link #PASSWORD}, from an htpasswd file with a precomputed bcrypt hash.
 */
final class LocalRegistry implements AutoCloseable {
    static final String PASSWORD = "drydock-ecr-test-password";
    /** {@code htpasswd -nbB AWS drydock-ecr-test-password}. */
    private static final String HTPASSWD = "AWS:$2y$05$XMIlBpW2o2Sg7IP7j1OOUeV7YTbQJF9Do.0yFKf3krZQxtKQ8JZrW\n";
    private static final Path BINARY = Path.of("/usr/bin/docker-registry");

    private final Process process;
    private final int port;

    private LocalRegistry(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    static LocalRegistry start(Path dir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("htpasswd"), HTPASSWD);
        Files.writeString(dir.resolve("config.yml"), "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: "
                + dir.resolve("data") + "\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:" + port + "\nauth:\n  htpasswd:\n"
                + "    realm: drydock-test\n    path: " + dir.resolve("htpasswd") + "\n");
        Process p = new ProcessBuilder(BINARY.toString(), "serve", dir.resolve("config.yml").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try {
                new Socket("127.0.0.1", port).close();
                return new LocalRegistry(p, port);
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    throw new IOException("docker-registry exited: " + Files.readString(dir.resolve("registry.log")));
                }
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IOException("docker-registry did not listen on 127.0.0.1:" + port + " within 20 s");
    }

    /** {@code 127.0.0.1:<port>}. */
    String host() {
        return "127.0.0.1:" + port;
    }

    /** {@code http://127.0.0.1:<port>}. */
    String url() {
        return "http://" + host();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
