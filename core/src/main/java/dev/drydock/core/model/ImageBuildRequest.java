package dev.drydock.core.model;

import dev.drydock.core.error.Violations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Build an image from a folder with a Dockerfile.
 *
 * @param context    the build context folder
 * @param dockerfile the Dockerfile's path relative to the context ({@code Dockerfile} by default)
 * @param tag        the name the built image gets
 * @param buildArgs  {@code ARG} values
 */
public record ImageBuildRequest(Path context, String dockerfile, ImageReference tag, Map<String, String> buildArgs) {
    /** Validates that the context and Dockerfile exist. */
    public ImageBuildRequest {
        dockerfile = dockerfile == null ? "Dockerfile" : dockerfile;
        buildArgs = buildArgs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(buildArgs));
        Violations v = new Violations();
        if (v.check(context != null && Files.isDirectory(context), "context", context, "must be an existing folder (the Docker build context)")) {
            v.check(Files.isRegularFile(context.resolve(dockerfile)), "dockerfile", context.resolve(dockerfile),
                    "must exist inside the build context");
        }
        v.check(tag != null, "tag", null, "must name the image to build, such as drydock/trainer:latest");
        v.throwIfAny();
    }

    /** Builds {@code context/Dockerfile} as {@code tag}. */
    public static ImageBuildRequest of(Path context, ImageReference tag) {
        return new ImageBuildRequest(context, null, tag, null);
    }
}
