package dev.drydock.local.registry;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import dev.drydock.core.error.BackendUnavailableException;
import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.DrydockInterruptedException;
import dev.drydock.core.error.ErrorCode;
import dev.drydock.core.error.ImageNotFoundException;
import dev.drydock.core.model.ImageBuildRequest;
import dev.drydock.core.model.ImageReference;
import dev.drydock.core.port.ImageRegistry;
import dev.drydock.local.docker.DockerClients;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ImageRegistry} on a Docker daemon (docker-java) and a registry v2 such as Debian's {@code docker-registry}
 * on 127.0.0.1.
 *
 * <ul>
 *   <li>{@link #build} builds a Dockerfile context with the daemon, never pulling base images
 *       ({@code --pull=false}): an absent base image fails the build with the builder's output.</li>
 *   <li>{@link #resolve} of a reference without registry inspects the daemon's images and pins the reference to
 *       the image ID ({@code sha256:...}, the digest of its configuration: a local image has no manifest digest).
 *       Such a reference is for drydock's own use; to run it, pass the digest alone ({@code docker run sha256:...})
 *       or the unpinned name, since Docker reads {@code name@sha256:...} as a registry digest. With a registry, it
 *       asks that registry's v2 API for the manifest digest ({@code http://} for 127.0.0.0/8 and localhost, as Docker does, else {@code https://}).</li>
 *   <li>{@link #push} tags the local image as the target and pushes it with the target registry's credentials,
 *       if configured, and returns the target pinned to the pushed digest; a target without registry goes to the
 *       {@linkplain Builder#defaultRegistry default registry}, when one is configured.</li>
 * </ul>
 *
 * <p>When no Docker daemon answers, every call throws {@link BackendUnavailableException} saying how to fix it.
 */
public final class DockerImageRegistry implements ImageRegistry {
    private static final int OUTPUT_LINES = 30;
    private static final String MANIFEST_TYPES = String.join(", ",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json");

    private final String dockerHost;
    private final DockerClient client;
    private final Map<String, RegistryCredentials> credentials;
    private final String defaultRegistry;
    private final HttpClient http;

    private DockerImageRegistry(Builder b) {
        this.dockerHost = b.dockerHost;
        this.client = b.client != null ? b.client : DockerClients.create(b.dockerHost);
        this.credentials = Map.copyOf(b.credentials);
        this.defaultRegistry = b.defaultRegistry;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A registry on the daemon at {@code DOCKER_HOST} (or the default socket), without credentials. */
    public static DockerImageRegistry create() {
        return builder().build();
    }

    /** A builder: Docker host and registry credentials. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ImageReference build(ImageBuildRequest request) {
        Deque<String> output = new ArrayDeque<>();
        try {
            var command = client.buildImageCmd()
                    .withBaseDirectory(request.context().toFile())
                    .withDockerfile(request.context().resolve(request.dockerfile()).toFile())
                    .withTags(Set.of(request.tag().toString()))
                    .withPull(false);
            request.buildArgs().forEach(command::withBuildArg);
            String id = command.exec(new BuildImageResultCallback() {
                        @Override
                        public void onNext(BuildResponseItem item) {
                            if (item.getStream() != null) {
                                remember(output, item.getStream());
                            }
                            if (item.isErrorIndicated()) {
                                remember(output, item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError());
                            }
                            super.onNext(item);
                        }
                    })
                    .awaitImageId();
            if (id == null) {
                throw buildFailed(request, output, null);
            }
            // Built images live in the daemon only: pinned to their ID (a registry digest exists only after a push).
            // (awaitImageId gives the short ID: the full one comes from inspecting the tag.)
            String fullId = inspect(request.tag()).map(InspectImageResponse::getId).orElseThrow(() -> buildFailed(request, output, null));
            return request.tag().registry() == null ? request.tag().withDigest(fullId) : request.tag();
        } catch (DockerClientException e) {
            throw buildFailed(request, output, e);
        } catch (RuntimeException e) {
            throw translate(e, request.tag().toString());
        }
    }

    @Override
    public Optional<ImageReference> resolve(ImageReference image) {
        if (image.registry() != null) {
            Optional<String> digest = registryDigest(image);
            return digest.map(d -> new ImageReference(image.registry(), image.repository(), image.tag(), d));
        }
        return inspect(image).map(i -> image.withDigest(i.getId()));
    }

    @Override
    public ImageReference push(ImageReference image, ImageReference target) {
        if (target.registry() == null && defaultRegistry != null) {
            target = new ImageReference(defaultRegistry, target.repository(), target.tag(), target.digest());
        }
        if (target.registry() == null) {
            throw dev.drydock.core.error.InvalidInputException.of("target", target, "must name a registry to push to,"
                    + " such as 127.0.0.1:5000/" + target.repository() + ":" + (target.tag() == null ? "latest" : target.tag())
                    + ", or configure a default registry (LocalConfig registry)");
        }
        InspectImageResponse local = inspect(image).orElseThrow(() -> new ImageNotFoundException(image.toString(),
                "the image " + image + " is not in the Docker daemon at " + dockerHost + ": build it first"
                        + " (ImageRegistry.build or docker build -t " + image + " .) or load it (docker load)"));
        String tag = target.tag() == null ? "latest" : target.tag();
        try {
            client.tagImageCmd(local.getId(), target.name(), tag).withForce().exec();
            String[] digest = new String[1];
            StringBuilder error = new StringBuilder();
            var push = client.pushImageCmd(target.name()).withTag(tag);
            RegistryCredentials c = credentials.get(target.registry());
            if (c != null) {
                push = push.withAuthConfig(new AuthConfig().withUsername(c.username()).withPassword(c.password())
                        .withRegistryAddress(c.registry()));
            }
            push.exec(new ResultCallback.Adapter<PushResponseItem>() {
                @Override
                public void onNext(PushResponseItem item) {
                    if (item.getAux() != null && item.getAux().getDigest() != null) {
                        digest[0] = item.getAux().getDigest();
                    }
                    if (item.isErrorIndicated()) {
                        error.append(item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError());
                    }
                }
            }).awaitCompletion();
            if (error.length() > 0) {
                throw pushFailed(target, error.toString(), null);
            }
            String pinned = digest[0] != null ? digest[0] : registryDigest(target).orElse(null);
            return new ImageReference(target.registry(), target.repository(), tag, pinned);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DrydockInterruptedException("interrupted while pushing " + target, e);
        } catch (DrydockException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(e, target.toString());
        }
    }

    /** The daemon's ID of a local image ({@code sha256:...}, the config digest), or empty when it is absent. */
    public Optional<String> imageId(ImageReference image) {
        return inspect(image).map(InspectImageResponse::getId);
    }

    private Optional<InspectImageResponse> inspect(ImageReference image) {
        // A registry-less reference pinned by resolve() carries the image ID, which the daemon finds by itself.
        String key = image.registry() == null && image.digest() != null ? image.digest() : image.toString();
        try {
            return Optional.of(client.inspectImageCmd(key).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw translate(e, image.toString());
        }
    }

    /** Asks the registry's v2 API for the manifest digest of {@code image}'s tag; empty when it has none. */
    private Optional<String> registryDigest(ImageReference image) {
        String registry = image.registry();
        String reference = image.digest() != null ? image.digest() : image.tag() == null ? "latest" : image.tag();
        URI uri = URI.create(scheme(registry) + "://" + registry + "/v2/" + image.repository() + "/manifests/" + reference);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", MANIFEST_TYPES).timeout(Duration.ofSeconds(30));
        RegistryCredentials c = credentials.get(registry);
        if (c != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status == 404) {
                return Optional.empty();
            }
            if (status == 401 || status == 403) {
                throw new dev.drydock.core.error.AccessDeniedException("the registry " + registry + " refused "
                        + (c == null ? "anonymous access" : "the credentials of user " + c.username()) + " (HTTP " + status
                        + "): configure credentials with DockerImageRegistry.builder().credentials(...)");
            }
            if (status / 100 != 2) {
                throw new BackendUnavailableException("the registry " + registry + " answered HTTP " + status + " for " + uri);
            }
            return response.headers().firstValue("Docker-Content-Digest");
        } catch (IOException e) {
            throw new BackendUnavailableException("no registry answers at " + registry + " (" + e + "): start it (for tests:"
                    + " .ci/start-registry.sh PORT) or fix the registry in the image reference", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DrydockInterruptedException("interrupted while asking " + registry + " for " + image, e);
        }
    }

    /** Docker talks plain HTTP to registries on the loopback interface and TLS to every other. */
    private static String scheme(String registry) {
        String host = registry.contains(":") ? registry.substring(0, registry.lastIndexOf(':')) : registry;
        return host.startsWith("127.") || host.equals("localhost") ? "http" : "https";
    }

    private RuntimeException translate(RuntimeException e, String image) {
        if (e instanceof DrydockException) {
            return e;
        }
        if (e instanceof NotFoundException) {
            return new ImageNotFoundException(image, "the Docker daemon has no image " + image + " (" + e.getMessage()
                    + "): build or load it first");
        }
        if (isConnectionFailure(e)) {
            return DockerClients.unavailable(dockerHost, e);
        }
        return new DrydockException(ErrorCode.INTERNAL, "the Docker daemon at " + dockerHost + " failed for " + image
                + ": " + e.getMessage(), e);
    }

    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static DrydockException buildFailed(ImageBuildRequest request, Deque<String> output, Throwable cause) {
        return new DrydockException(ErrorCode.INVALID_INPUT, "building " + request.tag() + " from " + request.context()
                + " failed; the builder's last output:\n" + String.join("\n", output)
                + (cause == null ? "" : "\n" + cause.getMessage())
                + "\nfix the Dockerfile (base images are never pulled: build or load them first)", cause, false);
    }

    private static DrydockException pushFailed(ImageReference target, String error, Throwable cause) {
        String lower = error.toLowerCase(java.util.Locale.ROOT);
        boolean auth = lower.contains("401") || lower.contains("unauthorized") || lower.contains("authentication")
                || lower.contains("auth credentials") || lower.contains("denied");
        if (auth) {
            return new dev.drydock.core.error.AccessDeniedException("the registry " + target.registry() + " refused the push of "
                    + target + ": " + error + "; configure its credentials with DockerImageRegistry.builder().credentials(...)", cause);
        }
        return new BackendUnavailableException("pushing " + target + " failed: " + error + "; is the registry "
                + target.registry() + " running? (for tests: .ci/start-registry.sh PORT)", cause);
    }

    private static void remember(Deque<String> output, String text) {
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                output.addLast(line.strip());
                if (output.size() > OUTPUT_LINES) {
                    output.removeFirst();
                }
            }
        }
    }

    /** Options of a {@link DockerImageRegistry}. */
    public static final class Builder {
        private String dockerHost = DockerClients.defaultHost();
        private DockerClient client;
        private final Map<String, RegistryCredentials> credentials = new HashMap<>();
        private String defaultRegistry;

        private Builder() {
        }

        /**
         * The registry ({@code host:port}, such as {@code 127.0.0.1:5000}) a {@link #push} goes to when its target
         * names none; none by default, and then such a push is refused.
         */
        public Builder defaultRegistry(String value) {
            this.defaultRegistry = value == null || value.isBlank() ? null : value;
            return this;
        }

        /** The daemon: {@code unix:///var/run/docker.sock} or {@code tcp://host:port}; {@code DOCKER_HOST} by default. */
        public Builder dockerHost(String host) {
            this.dockerHost = host;
            return this;
        }

        /** A client to share with the Docker training backend (else one is made for {@link #dockerHost}). */
        public Builder dockerClient(DockerClient shared) {
            this.client = shared;
            return this;
        }

        /** Credentials for pushing to and resolving from {@code value.registry()}. */
        public Builder credentials(RegistryCredentials value) {
            credentials.put(value.registry(), value);
            return this;
        }

        /** Credentials for several registries. */
        public Builder credentials(List<RegistryCredentials> values) {
            values.forEach(this::credentials);
            return this;
        }

        /** Builds the registry (connects lazily: a missing daemon shows on the first call). */
        public DockerImageRegistry build() {
            return new DockerImageRegistry(this);
        }
    }
}
