package dev.drydock.core.model;

import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.Violations;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference, {@code [registry/]repository[:tag][@digest]}, as Docker and ECR read it.
 *
 * @param registry   the registry host (with port), or {@code null} for the default registry or the local daemon
 * @param repository the repository path, lower case, for example {@code drydock/trainer}
 * @param tag        the tag, or {@code null}; {@link #parse} leaves it {@code null} when a digest pins the image
 * @param digest     the content digest {@code sha256:<64 hex>}, or {@code null}
 */
public record ImageReference(String registry, String repository, String tag, String digest) {
    private static final Pattern REGISTRY = Pattern.compile("[a-zA-Z0-9.-]+(:[0-9]+)?");
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");
    /** SageMaker's limit on TrainingImage. */
    private static final int MAX_LENGTH = 255;

    /** Validates every part. */
    public ImageReference {
        Violations v = new Violations();
        if (registry != null) {
            v.check(REGISTRY.matcher(registry).matches(), "image.registry", registry,
                    "must be a host name with an optional port, such as 127.0.0.1:5000 or 123456789012.dkr.ecr.us-east-1.amazonaws.com");
        }
        if (v.check(repository != null && !repository.isEmpty(), "image.repository", repository,
                "must name a repository, such as drydock/trainer")) {
            for (String component : repository.split("/", -1)) {
                if (!COMPONENT.matcher(component).matches()) {
                    v.add("image.repository", repository, "must be lower-case path components of letters and digits"
                            + " separated by '.', '_', '__' or '-' (Docker's rule), such as drydock/trainer");
                    break;
                }
            }
        }
        if (tag != null) {
            v.check(TAG.matcher(tag).matches(), "image.tag", tag,
                    "must be 1 to 128 characters of letters, digits, '_', '.' and '-', not starting with '.' or '-'");
        }
        if (digest != null) {
            v.check(DIGEST.matcher(digest).matches(), "image.digest", digest, "must be sha256: followed by 64 lower-case hex digits");
        }
        v.throwIfAny();
        int length = (registry == null ? 0 : registry.length() + 1) + repository.length()
                + (tag == null ? 0 : tag.length() + 1) + (digest == null ? 0 : digest.length() + 1);
        if (length > MAX_LENGTH) {
            throw InvalidInputException.of("image", repository, "must be at most " + MAX_LENGTH + " characters in all (SageMaker's limit)");
        }
    }

    /**
     * Parses {@code [registry/]repository[:tag][@sha256:digest]}. The first path component is a registry when it
     * contains a '.' or ':' or is {@code localhost}, as Docker decides. Without tag or digest the tag is
     * {@code latest}.
     */
    public static ImageReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of("image", text, "must be an image reference such as drydock/trainer:latest");
        }
        String rest = text.trim();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String registry = null;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        } else if (digest == null) {
            tag = "latest";
        }
        return new ImageReference(registry, rest, tag, digest);
    }

    /** The same image pinned to {@code newDigest}. */
    public ImageReference withDigest(String newDigest) {
        return new ImageReference(registry, repository, tag, newDigest);
    }

    /** The same repository and tag in {@code newRegistry} (for pushing). */
    public ImageReference inRegistry(String newRegistry) {
        return new ImageReference(newRegistry, repository, tag, null);
    }

    /** The digest, if the reference is pinned. */
    public Optional<String> digestIfPinned() {
        return Optional.ofNullable(digest);
    }

    /** {@code [registry/]repository} without tag or digest. */
    public String name() {
        return registry == null ? repository : registry + "/" + repository;
    }

    /** The canonical text form, which {@link #parse} reads back to an equal reference. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name());
        if (tag != null) {
            s.append(':').append(tag);
        }
        if (digest != null) {
            s.append('@').append(digest);
        }
        return s.toString();
    }
}
