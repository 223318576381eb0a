package dev.drydock.core;

import dev.drydock.core.model.ImageBuildRequest;
import dev.drydock.core.model.ImageReference;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a job's training image comes from: an {@link Existing} image or one {@link Built} from a Dockerfile, either
 * optionally pushed to a registry the backend pulls from. Without a push target the backend's own
 * {@link Backend#pushTarget} applies (ECR for SageMaker; none locally).
 */
public sealed interface ImageSource permits ImageSource.Existing, ImageSource.Built {

    /** The image's name before it is built or pushed. */
    ImageReference reference();

    /** Where it is pushed before the job starts, when the user said so. */
    Optional<ImageReference> pushTargetIfAny();

    /** The same source, pushed to {@code target} before the job starts. */
    ImageSource pushTo(ImageReference target);

    /** The same source, pushed to {@code target} before the job starts. */
    default ImageSource pushTo(String target) {
        return pushTo(ImageReference.parse(target));
    }

    /** An image that exists, such as {@code drydock/trainer:latest}. */
    static ImageSource existing(String reference) {
        return new Existing(ImageReference.parse(reference), null);
    }

    /** An image that exists. */
    static ImageSource existing(ImageReference reference) {
        return new Existing(reference, null);
    }

    /** An image built from {@code context/Dockerfile} and named {@code tag}. */
    static ImageSource build(Path context, String tag) {
        return new Built(ImageBuildRequest.of(context, ImageReference.parse(tag)), null);
    }

    /** An image built as {@code request} says. */
    static ImageSource build(ImageBuildRequest request) {
        return new Built(request, null);
    }

    /**
     * An image that exists already.
     *
     * @param image      the image
     * @param pushTarget where to push it first, or {@code null}
     */
    record Existing(ImageReference image, ImageReference pushTarget) implements ImageSource {
        /** Validates the image. */
        public Existing {
            Objects.requireNonNull(image, "image: name an existing image such as drydock/trainer:latest");
        }

        @Override
        public ImageReference reference() {
            return image;
        }

        @Override
        public Optional<ImageReference> pushTargetIfAny() {
            return Optional.ofNullable(pushTarget);
        }

        @Override
        public ImageSource pushTo(ImageReference target) {
            return new Existing(image, Objects.requireNonNull(target, "target"));
        }
    }

    /**
     * An image built before the job starts.
     *
     * @param request    how to build it
     * @param pushTarget where to push it then, or {@code null}
     */
    record Built(ImageBuildRequest request, ImageReference pushTarget) implements ImageSource {
        /** Validates the request. */
        public Built {
            Objects.requireNonNull(request, "request: say how to build the image");
        }

        @Override
        public ImageReference reference() {
            return request.tag();
        }

        @Override
        public Optional<ImageReference> pushTargetIfAny() {
            return Optional.ofNullable(pushTarget);
        }

        @Override
        public ImageSource pushTo(ImageReference target) {
            return new Built(request, Objects.requireNonNull(target, "target"));
        }
    }
}
