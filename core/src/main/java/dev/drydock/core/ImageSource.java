package dev.drydock.core;

import dev.drydock.core.model.ImageBuildRequest;
import dev.drydock.core.model.ImageReference;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a job's training image comes from: an image that exists, or one to build from a Dockerfile; optionally
 * pushed to the registry the backend pulls from.
 *
 * @param existing   an image that exists already, or {@code null} when it is built
 * @param build      how to build it, or {@code null} when it exists
 * @param pushTarget where to push it before the job starts, or {@code null}
 */
public record ImageSource(ImageReference existing, ImageBuildRequest build, ImageReference pushTarget) {

    /** Validates that exactly one of {@code existing} and {@code build} is given. */
    public ImageSource {
        if ((existing == null) == (build == null)) {
            throw new IllegalArgumentException("an ImageSource is either an existing image or a build, not both or neither");
        }
    }

    /** An image that exists, such as {@code drydock/trainer:latest}. */
    public static ImageSource existing(String reference) {
        return new ImageSource(ImageReference.parse(reference), null, null);
    }

    /** An image that exists. */
    public static ImageSource existing(ImageReference reference) {
        return new ImageSource(Objects.requireNonNull(reference, "reference"), null, null);
    }

    /** An image built from {@code context/Dockerfile} and named {@code tag}. */
    public static ImageSource build(Path context, String tag) {
        return new ImageSource(null, ImageBuildRequest.of(context, ImageReference.parse(tag)), null);
    }

    /** An image built as {@code request} says. */
    public static ImageSource build(ImageBuildRequest request) {
        return new ImageSource(null, Objects.requireNonNull(request, "request"), null);
    }

    /** The same source, pushed to {@code target} before the job starts. */
    public ImageSource pushTo(String target) {
        return new ImageSource(existing, build, ImageReference.parse(target));
    }

    /** The same source, pushed to {@code target} before the job starts. */
    public ImageSource pushTo(ImageReference target) {
        return new ImageSource(existing, build, target);
    }

    /** The image's name before it is built or pushed. */
    public ImageReference reference() {
        return existing != null ? existing : build.tag();
    }

    /** The push target, if any. */
    public Optional<ImageReference> pushTargetIfAny() {
        return Optional.ofNullable(pushTarget);
    }
}
