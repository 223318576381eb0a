package dev.drydock.local.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.drydock.local.HostFailingTrainer;
import dev.drydock.testkit.ScriptedContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The test image: the offline base {@value #BASE} (built by {@code trainer/docker/build-base-image.sh}) with the
 * testkit's classes and the container-contract jar they read {@code /opt/ml} with, whose ENTRYPOINT runs
 * {@link ScriptedContainer}, so a container does what the scenario's
 * {@code behaviour} hyperparameter says.
 *
 * <p>The tag is a hash of what goes into the image (the class path entries and the Dockerfile), so the image is built once per
 * content, and test runs at once (or in another checkout) never rebuild a tag another run's containers are using.
 */
public final class ScriptedImage {
    /** The offline base image with a Java runtime. */
    public static final String BASE = "drydock/jre:17";
    /** The image the tests run: the same tag in every JVM on the same classes. */
    public static final String IMAGE = "drydock-test/scripted:" + contentHash();
    /** Where this module's test classes are in the image. */
    public static final String LOCAL_TEST_CLASSES = "/app/local-test";

    private ScriptedImage() {
    }

    /** Why the Docker tests cannot run, or empty when they can (daemon answers, base image present, image built). */
    public static Optional<String> prepare(DockerClient client) {
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            return Optional.of("no Docker daemon answers (" + e.getMessage() + "): start dockerd to run the Docker backend tests");
        }
        try {
            client.inspectImageCmd(BASE).exec();
        } catch (NotFoundException e) {
            return Optional.of("the base image " + BASE + " is absent: build it with trainer/docker/build-base-image.sh"
                    + " (no registry can be reached to pull one)");
        }
        try {
            client.inspectImageCmd(IMAGE).exec();
        } catch (NotFoundException e) {
            build(client);
        }
        return Optional.empty();
    }

    private static void build(DockerClient client) {
        try {
            Path context = Files.createTempDirectory("drydock-scripted-image");
            // ScriptedContainer's class path (testkit and container-contract, each a jar or a classes folder), copied
            // under the names the Dockerfile gives them.
            List<Path> classPath = ScriptedContainer.classPath();
            for (int i = 0; i < classPath.size(); i++) {
                Path entry = classPath.get(i);
                if (Files.isDirectory(entry)) {
                    copyTree(entry, context.resolve(entryName(i, entry)));
                } else {
                    Files.copy(entry, context.resolve(entryName(i, entry)), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            // This module's test classes too, for the trainers of the fault tests (HostFailingTrainer).
            copyTree(localTestClasses(), context.resolve("local-test"));
            Files.writeString(context.resolve("Dockerfile"), dockerfile(classPath));
            client.buildImageCmd(context.toFile()).withTags(Set.of(IMAGE)).withPull(false).start().awaitImageId();
            deleteTree(context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code cp-<i>} for a classes folder, {@code cp-<i>.jar} for a jar: the entry's name in the build context. */
    private static String entryName(int index, Path entry) {
        return "cp-" + index + (Files.isDirectory(entry) ? "" : ".jar");
    }

    private static String dockerfile(List<Path> classPath) {
        StringBuilder copies = new StringBuilder();
        List<String> inImage = new java.util.ArrayList<>();
        for (int i = 0; i < classPath.size(); i++) {
            String name = entryName(i, classPath.get(i));
            copies.append("COPY ").append(name).append(" /app/").append(name).append('\n');
            inImage.add("/app/" + name);
        }
        return "FROM " + BASE + "\n"
                + copies
                + "COPY local-test " + LOCAL_TEST_CLASSES + "\n"
                + "WORKDIR /opt/ml\n"
                + "ENTRYPOINT [\"java\", \"-XX:TieredStopAtLevel=1\", \"-XX:+UseSerialGC\", \"-cp\", \""
                + String.join(":", inImage) + "\", \"" + ScriptedContainer.class.getName() + "\"]\n"
                + "CMD [\"train\"]\n";
    }

    private static Path localTestClasses() {
        try {
            return Path.of(HostFailingTrainer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SHA-256 (first 12 hex digits) of the Dockerfile and of everything it copies: ScriptedContainer's class path
     * (testkit and container-contract) and this module's test classes.
     */
    private static String contentHash() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            List<Path> classPath = ScriptedContainer.classPath();
            sha.update(dockerfile(classPath).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            List<Path> roots = new java.util.ArrayList<>(classPath);
            roots.add(localTestClasses());
            for (Path root : roots) {
                try (Stream<Path> paths = Files.walk(root)) {
                    for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile).sorted()::iterator) {
                        sha.update(root.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(p));
                    }
                }
            }
            return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
