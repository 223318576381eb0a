package dev.drydock.aws;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import dev.drydock.core.error.AccessDeniedException;
import dev.drydock.core.error.BackendUnavailableException;
import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.DrydockInterruptedException;
import dev.drydock.core.error.ErrorCode;
import dev.drydock.core.error.ImageNotFoundException;
import dev.drydock.core.model.ImageBuildRequest;
import dev.drydock.core.model.ImageReference;
import dev.drydock.core.port.ImageRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link ImageRegistry} on Amazon ECR: pushes images from the local Docker daemon (docker-java) to an ECR repository
 * with a login from ECR's authorization token, and resolves ECR images to their digests.
 *
 * <p>The repository is checked before a push and created when {@link Builder#createMissingRepositories} is on, with
 * tag immutability and scan-on-push as configured. Tokens are cached until shortly before they expire; a push refused
 * as unauthorized (an expired or revoked token) fetches a new token and tries once more. Builds run on the local
 * daemon (ECR does not build). Passwords never appear in log lines, messages or {@code toString}.
 */
public final class EcrImageRegistry implements ImageRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(EcrImageRegistry.class);
    private static final Pattern ECR_HOST = Pattern.compile("(\\d{12})\\.dkr\\.ecr(-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");
    private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");
    private static final long TOKEN_MARGIN_SECONDS = 300;

    private final EcrClient ecr;
    private final String region;
    private final java.util.function.Function<String, EcrClient> ecrInRegion;
    private final DockerClient docker;
    private final boolean createMissingRepositories;
    private final boolean immutableTags;
    private final boolean scanOnPush;
    private final Clock clock;
    private volatile EcrCredentials credentials;

    private EcrImageRegistry(Builder b) {
        this.ecr = Objects.requireNonNull(b.ecr, "ecr client");
        this.region = b.region;
        this.ecrInRegion = b.ecrInRegion;
        this.docker = Objects.requireNonNull(b.docker, "docker client");
        this.createMissingRepositories = b.createMissingRepositories;
        this.immutableTags = b.immutableTags;
        this.scanOnPush = b.scanOnPush;
        this.clock = b.clock;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ImageReference build(ImageBuildRequest request) {
        List<String> output = new ArrayList<>();
        try {
            var cmd = docker.buildImageCmd(request.context().toFile())
                    .withDockerfile(request.context().resolve(request.dockerfile()).toFile())
                    .withTags(Set.of(request.tag().toString()))
                    .withPull(false);
            request.buildArgs().forEach(cmd::withBuildArg);
            String id = cmd.exec(new BuildImageResultCallback() {
                @Override
                public void onNext(BuildResponseItem item) {
                    if (item.getStream() != null) {
                        output.add(item.getStream().strip());
                    }
                    if (item.getErrorDetail() != null) {
                        output.add(item.getErrorDetail().getMessage());
                    }
                    super.onNext(item);
                }
            }).awaitImageId();
            // The build stream may name the image by its short id only; the daemon knows the full one.
            String fullId = inspectLocal(request.tag()).map(InspectImageResponse::getId).orElse(id);
            LOG.info("built image {} ({})", request.tag(), fullId);
            return request.tag().withDigest(fullId);
        } catch (DockerClientException | DockerException e) {
            throw new DrydockException(ErrorCode.INVALID_INPUT, "building image " + request.tag() + " failed: "
                    + e.getMessage() + "; last output: " + String.join(" | ", last(output, 10)), e, false);
        }
    }

    @Override
    public Optional<ImageReference> resolve(ImageReference image) {
        if (isEcr(image)) {
            return resolveInEcr(image);
        }
        return inspectLocal(image).map(i -> image.withDigest(localDigest(image, i)));
    }

    @Override
    public ImageReference push(ImageReference image, ImageReference target) {
        InspectImageResponse local = inspectLocal(image).orElseThrow(() -> new ImageNotFoundException(image.toString(),
                "image " + image + " is not in the local Docker daemon: build it first (or docker pull/tag it)"));
        EcrCredentials login = credentials(false);
        ImageReference dest = target.registry() == null ? target.inRegistry(login.registryHost()) : target;
        String tag = dest.tag() == null ? "latest" : dest.tag();
        ensureRepository(dest);
        try {
            docker.tagImageCmd(local.getId(), dest.name(), tag).withForce(true).exec();
        } catch (DockerException | DockerClientException e) {
            throw new BackendUnavailableException("the Docker daemon could not tag " + image + " as " + dest.name() + ":"
                    + tag + " for the push: " + e.getMessage() + "; check that Docker runs (or DOCKER_HOST)", e);
        }
        String digest;
        try {
            digest = pushOnce(dest, tag, login);
        } catch (Unauthorized e) {
            LOG.info("the registry refused the ECR token for {} (expired or revoked): fetching a new one", dest.name());
            try {
                digest = pushOnce(dest, tag, credentials(true));
            } catch (Unauthorized again) {
                // A fresh token refused too: no retry helps; the identity lacks the right or the registry is another.
                throw new AccessDeniedException("the registry " + dest.registry() + " refused a fresh ECR token for the"
                        + " push of " + dest + ": " + again.getMessage() + "; check that the image's registry is the"
                        + " ECR registry of this account and region (" + login.registryHost() + "), and allow"
                        + " ecr:GetAuthorizationToken and the push permissions to the identity drydock runs as");
            }
        }
        LOG.info("pushed {} as {}@{}", image, dest, digest);
        return new ImageReference(dest.registry(), dest.repository(), tag, digest);
    }

    private String pushOnce(ImageReference dest, String tag, EcrCredentials login) {
        AuthConfig auth = new AuthConfig().withUsername(login.username()).withPassword(login.password())
                .withRegistryAddress(login.proxyEndpoint());
        PushCallback callback = new PushCallback();
        try {
            docker.pushImageCmd(dest.name()).withTag(tag).withAuthConfig(auth).exec(callback).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DrydockInterruptedException("pushing " + dest, e);
        } catch (DockerException | DockerClientException e) {
            callback.error = callback.error == null ? e.getMessage() : callback.error;
        }
        if (callback.error != null) {
            String error = redact(callback.error, login);
            String lower = error.toLowerCase(Locale.ROOT);
            if (lower.contains("unauthorized") || lower.contains("authentication required") || lower.contains("expired")
                    || lower.contains("no basic auth credentials") || lower.contains("denied: your authorization token")) {
                throw new Unauthorized(error);
            }
            if (lower.contains("denied")) {
                throw new AccessDeniedException("the registry denied the push of " + dest + ": " + error
                        + "; allow ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:PutImage and"
                        + " ecr:BatchCheckLayerAvailability on the repository");
            }
            throw new BackendUnavailableException("pushing " + dest + " failed: " + error);
        }
        if (callback.digest == null) {
            return resolveInEcr(new ImageReference(dest.registry(), dest.repository(), tag, null))
                    .map(ImageReference::digest)
                    .orElseThrow(() -> new BackendUnavailableException("the registry accepted " + dest + " but reported no digest"));
        }
        return callback.digest;
    }

    /** The registry login, cached until shortly before it expires; {@code renew} forces a new token. */
    EcrCredentials credentials(boolean renew) {
        EcrCredentials current = credentials;
        if (!renew && current != null && !current.expiresWithin(clock.instant(), TOKEN_MARGIN_SECONDS)) {
            return current;
        }
        synchronized (this) {
            if (!renew && credentials != null && credentials != current) {
                return credentials;
            }
            try {
                List<AuthorizationData> data = ecr.getAuthorizationToken(b -> { }).authorizationData();
                if (data.isEmpty()) {
                    throw new ConfigurationException("ECR returned no authorization data: check the region and ecr:GetAuthorizationToken");
                }
                AuthorizationData d = data.get(0);
                credentials = EcrCredentials.decode(d.authorizationToken(), d.proxyEndpoint(), d.expiresAt());
                LOG.debug("fetched an ECR token for {} valid until {}", credentials.registryHost(), credentials.expiresAt());
                return credentials;
            } catch (SdkException e) {
                throw AwsErrors.translate(e, "getting an ECR authorization token");
            }
        }
    }

    private void ensureRepository(ImageReference dest) {
        String repository = dest.repository();
        EcrRegistry where = registryOf(dest);
        try {
            where.client().describeRepositories(b -> b.registryId(where.registryId()).repositoryNames(repository));
        } catch (RepositoryNotFoundException e) {
            if (!createMissingRepositories) {
                throw new ImageNotFoundException(repository, "ECR repository \"" + repository
                        + "\" does not exist: create it (aws ecr create-repository --repository-name " + repository
                        + "), or let drydock create it with createMissingRepositories(true)", e);
            }
            createRepository(where, repository);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "checking ECR repository " + repository);
        }
    }

    private void createRepository(EcrRegistry where, String repository) {
        try {
            where.client().createRepository(b -> b.registryId(where.registryId()).repositoryName(repository)
                    .imageTagMutability(immutableTags ? ImageTagMutability.IMMUTABLE : ImageTagMutability.MUTABLE)
                    .imageScanningConfiguration(s -> s.scanOnPush(scanOnPush)));
            LOG.info("created ECR repository {} (immutable tags: {}, scan on push: {})", repository, immutableTags, scanOnPush);
        } catch (RepositoryAlreadyExistsException e) {
            // created concurrently: fine
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "creating ECR repository " + repository);
        }
    }

    private Optional<ImageReference> resolveInEcr(ImageReference image) {
        ImageIdentifier id = image.digest() != null ? ImageIdentifier.builder().imageDigest(image.digest()).build()
                : ImageIdentifier.builder().imageTag(image.tag() == null ? "latest" : image.tag()).build();
        EcrRegistry where = registryOf(image);
        try {
            DescribeImagesResponse r = where.client().describeImages(b -> b.registryId(where.registryId())
                    .repositoryName(image.repository()).imageIds(id));
            if (r.imageDetails().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(image.withDigest(r.imageDetails().get(0).imageDigest()));
        } catch (software.amazon.awssdk.services.ecr.model.ImageNotFoundException | RepositoryNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "looking up image " + image + " in ECR");
        }
    }

    /**
     * The account and region an image's ECR host names ({@code 683313688378.dkr.ecr.eu-west-1.amazonaws.com}: AWS's
     * prebuilt images live in AWS's accounts), with the client of that region; the caller's own registry for an image
     * without such a host. Without the account, ECR would look in the caller's account, and without the region in the
     * client's region: "not found", or a same-named image of the caller's own pinned instead.
     */
    private EcrRegistry registryOf(ImageReference image) {
        Matcher host = image.registry() == null ? null : ECR_HOST.matcher(image.registry());
        if (host == null || !host.matches()) {
            return new EcrRegistry(null, ecr);
        }
        String account = host.group(1);
        String imageRegion = host.group(3);
        if (region == null || region.equals(imageRegion)) {
            return new EcrRegistry(account, ecr);
        }
        if (ecrInRegion == null) {
            throw new ConfigurationException("image " + image + " is in ECR of region " + imageRegion + ", and this"
                    + " registry's ECR client is in " + region + ": give EcrImageRegistry.builder().ecrInRegion(..) a"
                    + " client per region (AwsBackend does), or use an image of region " + region);
        }
        return new EcrRegistry(account, ecrInRegion.apply(imageRegion));
    }

    /** Where an ECR call goes: the account ({@code null}: the caller's own) and the client of its region. */
    private record EcrRegistry(String registryId, EcrClient client) {
    }

    private boolean isEcr(ImageReference image) {
        if (image.registry() == null) {
            return false;
        }
        if (ECR_HOST.matcher(image.registry()).matches()) {
            return true;
        }
        EcrCredentials current = credentials;
        return current != null && image.registry().equals(current.registryHost());
    }

    /**
     * The local image. A local image that was never pushed has no registry digest, so registries pin it to its image
     * ID ({@code name@sha256:<id>}), which the daemon does not accept as a name: it is then looked up by that ID.
     */
    private Optional<InspectImageResponse> inspectLocal(ImageReference image) {
        try {
            return Optional.of(docker.inspectImageCmd(image.toString()).exec());
        } catch (com.github.dockerjava.api.exception.NotFoundException | com.github.dockerjava.api.exception.BadRequestException e) {
            if (image.digest() != null) {
                try {
                    return Optional.of(docker.inspectImageCmd(image.digest()).exec());
                } catch (com.github.dockerjava.api.exception.NotFoundException byId) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        } catch (DockerException | DockerClientException e) {
            throw new BackendUnavailableException("the Docker daemon did not answer while looking up " + image + ": "
                    + e.getMessage() + "; start Docker (or set DOCKER_HOST)", e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof java.io.IOException) {
                throw new BackendUnavailableException("the Docker daemon cannot be reached while looking up " + image
                        + ": start Docker (or set DOCKER_HOST)", e);
            }
            throw e;
        }
    }

    private static String localDigest(ImageReference image, InspectImageResponse inspected) {
        if (inspected.getRepoDigests() != null) {
            for (String repoDigest : inspected.getRepoDigests()) {
                int at = repoDigest.indexOf('@');
                if (at > 0 && repoDigest.substring(0, at).equals(image.name())) {
                    return repoDigest.substring(at + 1);
                }
            }
        }
        return inspected.getId();
    }

    private static String redact(String text, EcrCredentials login) {
        return text == null ? "" : text.replace(login.password(), "****");
    }

    private static List<String> last(List<String> lines, int n) {
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }

    /** Collects the pushed digest and the first error from the daemon's push progress. */
    private static final class PushCallback extends ResultCallback.Adapter<PushResponseItem> {
        private static final Pattern STATUS_DIGEST = Pattern.compile("digest: (sha256:[a-f0-9]{64})");
        volatile String digest;
        volatile String error;

        @Override
        public void onNext(PushResponseItem item) {
            if (item.getErrorDetail() != null && error == null) {
                error = item.getErrorDetail().getMessage();
            }
            if (item.getAux() != null && item.getAux().getDigest() != null && DIGEST.matcher(item.getAux().getDigest()).matches()) {
                digest = item.getAux().getDigest();
            } else if (item.getStatus() != null) {
                Matcher m = STATUS_DIGEST.matcher(item.getStatus());
                if (m.find()) {
                    digest = m.group(1);
                }
            }
        }
    }

    /** The registry refused the login. */
    private static final class Unauthorized extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unauthorized(String message) {
            super(message, null, false, false);
        }
    }

    /** Builds an {@link EcrImageRegistry}. */
    public static final class Builder {
        private EcrClient ecr;
        private String region;
        private java.util.function.Function<String, EcrClient> ecrInRegion;
        private DockerClient docker;
        private boolean createMissingRepositories;
        private boolean immutableTags;
        private boolean scanOnPush;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The ECR client (the caller owns and closes it). */
        public Builder ecr(EcrClient client) {
            this.ecr = client;
            return this;
        }

        /** The region of {@link #ecr}: an image whose ECR host names another region is looked up there. */
        public Builder region(String value) {
            this.region = value;
            return this;
        }

        /**
         * The ECR client of a region (made and owned by the caller, one per region), for images whose host names a
         * region other than {@link #region}'s.
         */
        public Builder ecrInRegion(java.util.function.Function<String, EcrClient> clients) {
            this.ecrInRegion = clients;
            return this;
        }

        /** The Docker client that holds local images and pushes them (the caller owns and closes it). */
        public Builder docker(DockerClient client) {
            this.docker = client;
            return this;
        }

        /** Whether a push to a repository that does not exist creates it (off by default). */
        public Builder createMissingRepositories(boolean value) {
            this.createMissingRepositories = value;
            return this;
        }

        /** Whether repositories drydock creates refuse overwriting a tag. */
        public Builder immutableTags(boolean value) {
            this.immutableTags = value;
            return this;
        }

        /** Whether repositories drydock creates scan images on push. */
        public Builder scanOnPush(boolean value) {
            this.scanOnPush = value;
            return this;
        }

        /** The clock that decides when a token is about to expire. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The registry. */
        public EcrImageRegistry build() {
            return new EcrImageRegistry(this);
        }
    }
}
