package dev.drydock.local.registry;

import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.ErrorCode;
import dev.drydock.core.error.ImageNotFoundException;
import dev.drydock.core.model.ImageBuildRequest;
import dev.drydock.core.model.ImageReference;
import dev.drydock.core.port.ImageRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The image registry of the child-process backend, which runs the trainer as a command instead of an image: it knows
 * the images that the command stands for (by default {@value #DEFAULT_IMAGE}), so that the same job spec (which
 * names an image, as SageMaker requires) runs on the process, Docker and SageMaker backends unchanged.
 *
 * <p>{@link #resolve} pins a stood-for image to a digest of the command (the SHA-256 of the trainer jar when the
 * command runs one, else of the command line), so a job records what it really ran. Other images are absent.
 * Building and pushing need a Docker daemon: they fail with the fix (use the Docker backend).
 */
public final class ProcessImageRegistry implements ImageRegistry {
    /** The image the trainer command stands for unless configured otherwise. */
    public static final String DEFAULT_IMAGE = "drydock/trainer:latest";

    private final Set<String> images;
    private final List<String> command;
    /** The last digest and the jar state it was computed from: hashing a ~100 MB jar on every resolve would be waste. */
    private String cachedDigest;
    private String cachedFor;

    /**
     * A registry where {@code images} stand for {@code command}.
     *
     * @param images  the image references the command stands for
     * @param command the trainer command the process backend runs
     */
    public ProcessImageRegistry(Set<ImageReference> images, List<String> command) {
        this.images = images.stream().map(ImageReference::toString).collect(Collectors.toUnmodifiableSet());
        this.command = List.copyOf(command);
    }

    /** A registry where {@value #DEFAULT_IMAGE} stands for {@code command}. */
    public static ProcessImageRegistry forCommand(List<String> command) {
        return new ProcessImageRegistry(Set.of(ImageReference.parse(DEFAULT_IMAGE)), command);
    }

    @Override
    public ImageReference build(ImageBuildRequest request) {
        throw new DrydockException(ErrorCode.CONFIGURATION, "the process backend runs the trainer as a command and cannot build"
                + " image " + request.tag() + ": use the Docker backend (--docker, or the backend named docker) to build images");
    }

    @Override
    public Optional<ImageReference> resolve(ImageReference image) {
        ImageReference unpinned = new ImageReference(image.registry(), image.repository(), image.tag(), null);
        if (!images.contains(unpinned.toString())) {
            return Optional.empty();
        }
        String digest = "sha256:" + commandDigest();
        if (image.digest() != null && !image.digest().equals(digest)) {
            return Optional.empty();
        }
        return Optional.of(unpinned.withDigest(digest));
    }

    /** The process backend has no images: it runs a command that stands for a few image names. */
    @Override
    public String howToProvide(ImageReference image) {
        return "the process backend runs the trainer as a command, which stands for " + String.join(", ", new java.util.TreeSet<>(images))
                + " only: use that image name, or choose the docker backend (--docker) to run image " + image;
    }

    @Override
    public ImageReference push(ImageReference image, ImageReference target) {
        if (resolve(image).isEmpty()) {
            throw new ImageNotFoundException(image.toString(), "image " + image + " is not one the process backend stands for "
                    + images + ": name one of those, or use the Docker backend");
        }
        throw new DrydockException(ErrorCode.CONFIGURATION, "the process backend has no image to push to " + target
                + ": build and push the trainer image with the Docker backend (--docker)");
    }

    /** The images the command stands for. */
    public Set<String> images() {
        return images;
    }

    private synchronized String commandDigest() {
        Optional<Path> jar = command.stream().filter(a -> a.endsWith(".jar")).map(Path::of).filter(Files::isRegularFile).findFirst();
        String state;
        try {
            state = jar.isEmpty() ? "" : jar.get() + "|" + Files.size(jar.get()) + "|" + Files.getLastModifiedTime(jar.get()).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!state.equals(cachedFor)) {
            cachedDigest = computeDigest(jar);
            cachedFor = state;
        }
        return cachedDigest;
    }

    private String computeDigest(Optional<Path> jar) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (jar.isPresent()) {
                try (InputStream in = Files.newInputStream(jar.get())) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                    }
                }
            } else {
                sha.update(String.join("\0", command).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
