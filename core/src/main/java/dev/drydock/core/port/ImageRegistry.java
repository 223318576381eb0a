package dev.drydock.core.port;

import dev.drydock.core.model.ImageBuildRequest;
import dev.drydock.core.model.ImageReference;

import java.util.Optional;

/**
 * Makes training images available to a backend: builds them, finds them, pushes them where the backend pulls from.
 *
 * <p>Contract, for every adapter (see the testkit's {@code ImageRegistryContractTest}):
 * <ul>
 *   <li>{@link #build} returns the built image's reference pinned to its digest when the registry knows one; a
 *       failed build throws {@link dev.drydock.core.error.DrydockException} with the builder's last output.</li>
 *   <li>{@link #resolve} returns the image pinned to its digest, or empty when it is absent; it never pulls
 *       from a public registry.</li>
 *   <li>{@link #push} of an absent image throws {@link dev.drydock.core.error.ImageNotFoundException}; pushing the
 *       same image twice is harmless.</li>
 * </ul>
 */
public interface ImageRegistry {

    /** Builds an image and returns its reference (pinned to its digest where known). */
    ImageReference build(ImageBuildRequest request);

    /** The image pinned to its digest, or empty when the registry does not have it. */
    Optional<ImageReference> resolve(ImageReference image);

    /**
     * Makes {@code image} available as {@code target} (pushes it to the registry a backend pulls from).
     *
     * @return {@code target} pinned to the pushed digest
     */
    ImageReference push(ImageReference image, ImageReference target);

    /**
     * What a user does to make {@code image}, which {@link #resolve} did not find, available to this registry: for
     * the error message. By default: build it or check the name.
     */
    default String howToProvide(ImageReference image) {
        return "build it first (ImageSource.build, or docker build -t " + image + " <folder>), or check its name and tag";
    }
}
