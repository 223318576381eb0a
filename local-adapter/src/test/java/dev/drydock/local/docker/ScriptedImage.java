package dev.drydock.local.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.drydock.local.HostFailingTrainer;
import dev.drydock.local.TestTrainers;
import dev.drydock.testkit.ScriptedContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The test image: the offline base {@value #BASE} (built by {@code trainer/docker/build-base-image.sh}) with the
 * testkit's classes, whose ENTRYPOINT runs {@link ScriptedContainer}, so a container does what the scenario's
 * {@code behaviour} hyperparameter says.
 */
public final class ScriptedImage {
    /** The offline base image with a Java runtime. */
    public static final String BASE = "drydock/jre:17";
    /** The image the tests run. */
    public static final String IMAGE = "drydock-test/scripted:latest";
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
        build(client);
        return Optional.empty();
    }

    private static void build(DockerClient client) {
        try {
            Path context = Files.createTempDirectory("drydock-scripted-image");
            Path classes = TestTrainers.testkitClasses();
            String classPath;
            if (Files.isDirectory(classes)) {
                copyTree(classes, context.resolve("testkit"));
                classPath = "/app/testkit";
            } else {
                Files.copy(classes, context.resolve("testkit.jar"), StandardCopyOption.REPLACE_EXISTING);
                classPath = "/app/testkit.jar";
            }
            String copied = classPath.endsWith(".jar") ? "testkit.jar" : "testkit";
            // This module's test classes too, for the trainers of the fault tests (HostFailingTrainer).
            copyTree(Path.of(HostFailingTrainer.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                    context.resolve("local-test"));
            Files.writeString(context.resolve("Dockerfile"), "FROM " + BASE + "\n"
                    + "COPY " + copied + " " + classPath + "\n"
                    + "COPY local-test " + LOCAL_TEST_CLASSES + "\n"
                    + "WORKDIR /opt/ml\n"
                    + "ENTRYPOINT [\"java\", \"-XX:TieredStopAtLevel=1\", \"-XX:+UseSerialGC\", \"-cp\", \"" + classPath + "\", \""
                    + ScriptedContainer.class.getName() + "\"]\n"
                    + "CMD [\"train\"]\n");
            client.buildImageCmd(context.toFile()).withTags(Set.of(IMAGE)).withPull(false).start().awaitImageId();
            deleteTree(context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
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
