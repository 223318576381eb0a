package dev.drydock.aws;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.google.common.base.Suppliers;
import dev.drydock.archive.ExtractionLimits;
import dev.drydock.core.Backend;
import dev.drydock.core.PollPolicy;
import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.model.ImageReference;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.ArtifactStore;
import dev.drydock.core.port.ImageRegistry;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.core.tuning.TuningBackend;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The AWS backend as one object: S3 storage and artifact store, the SageMaker training backend (wrapped in
 * {@link ResilientTrainingBackend}), and the ECR image registry, all from one configuration.
 *
 * <pre>{@code
 * try (AwsBackend aws = AwsBackend.builder().region("eu-west-1").profile("ml")
 *         .roleArn("arn:aws:iam::123456789012:role/SageMakerExecution").bucket("my-ml-bucket").build()) {
 *     TrainingBackend sageMaker = aws.trainingBackend();
 * }
 * }</pre>
 *
 * <p>SDK clients are made on first use and closed by {@link #close()}; after it, the adapters are refused. Credentials come from the default provider
 * chain (environment, profile, SSO, container and instance roles) unless a profile or explicit credentials are given.
 * {@link #toString()} never shows a secret.
 */
public final class AwsBackend implements Backend {
    private final Builder config;
    private final Region region;
    private final AwsClientFactory factory;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private volatile boolean closed;

    private final Supplier<S3Client> s3;
    private final Supplier<S3AsyncClient> s3Async;
    private final Supplier<S3TransferManager> transfers;
    private final Supplier<S3Storage> storage;
    private final Supplier<S3ArtifactStore> artifacts;
    private final Supplier<SageMakerClient> sageMaker;
    private final Supplier<CloudWatchLogsClient> logs;
    private final Supplier<TrainingBackend> training;
    private final Supplier<TuningBackend> tuning;
    private final Supplier<EcrClient> ecr;
    private final Map<String, Supplier<EcrClient>> ecrByRegion = new java.util.concurrent.ConcurrentHashMap<>();
    private final Supplier<DockerClient> docker;
    private final Supplier<EcrImageRegistry> registry;

    private AwsBackend(Builder b) {
        this.config = b.copy();
        this.region = resolveRegion(b);
        this.factory = new AwsClientFactory(region, credentialsProvider(b), b.endpointsByService(), b.pathStyle,
                b.policies.sdkMaxAttempts(), b.multipartThresholdBytes, b.partSizeBytes, b.maxConcurrency, b.customizer);
        this.s3 = lazy(factory::s3);
        this.s3Async = lazy(factory::s3Async);
        this.transfers = lazy(() -> factory.transferManager(s3Async.get()));
        this.storage = Suppliers.memoize(() -> new S3Storage(s3.get(), transfers.get(), new S3Options(config.encryption,
                config.createMissingBuckets, region.id())));
        this.artifacts = Suppliers.memoize(() -> new S3ArtifactStore(storage.get(), config.extractionLimits));
        this.sageMaker = lazy(factory::sageMaker);
        this.logs = lazy(factory::logs);
        this.training = Suppliers.memoize(() -> new ResilientTrainingBackend(SageMakerTrainingBackend.builder()
                .sageMaker(sageMaker.get()).logs(new CloudWatchLogReader(logs.get()))
                .defaultRoleArn(config.roleArn).region(region.id()).build(), config.policies));
        this.tuning = Suppliers.memoize(() -> new ResilientTuningBackend(new SageMakerTuningBackend(sageMaker.get(),
                config.roleArn, region.id()), config.policies));
        this.ecr = lazy(factory::ecr);
        this.docker = lazy(this::dockerClient);
        this.registry = Suppliers.memoize(() -> EcrImageRegistry.builder().ecr(ecr.get()).region(region.id())
                .ecrInRegion(this::ecrIn).docker(docker.get())
                .createMissingRepositories(config.createMissingRepositories).immutableTags(config.immutableTags)
                .scanOnPush(config.scanOnPush).build());
    }

    /** A builder; every setting is optional. */
    public static Builder builder() {
        return new Builder();
    }

    /** Datasets on S3. */
    public Storage storage() {
        requireOpen();
        return storage.get();
    }

    /** Models and outputs on S3, extracted safely. */
    public ArtifactStore artifactStore() {
        requireOpen();
        return artifacts.get();
    }

    /** Training jobs on SageMaker, with retries and rate limits. */
    public TrainingBackend trainingBackend() {
        requireOpen();
        return training.get();
    }

    /** Tuning jobs on SageMaker Automatic Model Tuning, with retries; trials run as the backend's role. */
    public TuningBackend tuningBackend() {
        requireOpen();
        return tuning.get();
    }

    /** Images on ECR (pushed from the local Docker daemon). */
    public ImageRegistry imageRegistry() {
        requireOpen();
        return registry.get();
    }

    /** The region every client uses. */
    public String region() {
        return region.id();
    }

    /** The default execution role, if one was configured. */
    public Optional<String> roleArn() {
        return Optional.ofNullable(config.roleArn);
    }

    /** The default bucket, if one was configured. */
    public Optional<String> bucket() {
        return Optional.ofNullable(config.bucket);
    }

    /** {@code s3://<bucket>/<prefix>} in the default bucket, for staging inputs and outputs. */
    public StorageUri location(String prefix) {
        if (config.bucket == null) {
            throw new ConfigurationException("no default S3 bucket is configured: set bucket(\"my-ml-bucket\") on the AWS"
                    + " backend, or give s3:// locations explicitly");
        }
        return StorageUri.s3(config.bucket, prefix);
    }

    /** {@code sagemaker}, the name {@link AwsBackendProvider} gives it. */
    @Override
    public String name() {
        return "sagemaker";
    }

    /** {@code s3://<bucket>/<stagingKey>}, {@code s3://<bucket>/drydock/} by default. */
    @Override
    public StorageUri stagingPrefix() {
        return location(config.stagingKey).asPrefix();
    }

    /** {@code s3://<bucket>/<stagingKey>models/}. */
    @Override
    public StorageUri defaultOutputPath() {
        return location(config.stagingKey + "models/").asPrefix();
    }

    /** {@link PollPolicy#cloud()}: DescribeTrainingJob is rate limited per account. */
    @Override
    public PollPolicy pollPolicy() {
        return PollPolicy.cloud();
    }

    /** {@code <home>/models}: where models downloaded from S3 are extracted. */
    @Override
    public java.nio.file.Path workDirectory() {
        return config.home.resolve("models");
    }

    /**
     * The configured ECR repository under the image's tag, for an image that is not in ECR already: SageMaker can
     * only start images from ECR. Empty when no repository is configured or the image names an ECR host.
     */
    @Override
    public Optional<ImageReference> pushTarget(ImageReference image) {
        if (config.ecrRepository == null || (image.registry() != null && image.registry().contains(".dkr.ecr."))) {
            return Optional.empty();
        }
        return Optional.of(new ImageReference(null, config.ecrRepository, image.tag() == null ? "latest" : image.tag(), null));
    }

    /** Closes every SDK and Docker client made so far; the adapters handed out stop working. */
    @Override
    public synchronized void close() {
        closed = true;
        RuntimeException first = null;
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("closing an AWS client failed", e);
                }
            }
        }
        opened.clear();
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "AwsBackend{region=" + region.id() + ", " + config.describe() + "}";
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this AwsBackend was closed (its SDK clients with it): build a new one");
        }
    }

    /** The ECR client of another region, made once per region and closed with the others. */
    private EcrClient ecrIn(String otherRegion) {
        return ecrByRegion.computeIfAbsent(otherRegion, r -> lazy(() -> factory.ecr(r))).get();
    }

    private <T extends AutoCloseable> Supplier<T> lazy(Supplier<T> make) {
        return Suppliers.memoize(() -> {
            T made = make.get();
            synchronized (this) {
                if (closed) {
                    // close() ran while this client was being made: it would never be closed otherwise.
                    closeQuietly(made);
                    requireOpen();
                }
                opened.add(made);
            }
            return made;
        });
    }

    private static void closeQuietly(AutoCloseable client) {
        try {
            client.close();
        } catch (Exception e) {
            // the client is unusable either way; the caller learns that the backend is closed
        }
    }

    private DockerClient dockerClient() {
        DefaultDockerClientConfig.Builder dockerConfig = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (config.dockerHost != null) {
            dockerConfig.withDockerHost(config.dockerHost);
        }
        DefaultDockerClientConfig built = dockerConfig.build();
        return DockerClientImpl.getInstance(built, new ApacheDockerHttpClient.Builder().dockerHost(built.getDockerHost()).build());
    }

    private static Region resolveRegion(Builder b) {
        String id = b.region;
        if (id == null) {
            try {
                return new DefaultAwsRegionProviderChain().getRegion();
            } catch (SdkClientException e) {
                throw new ConfigurationException("no AWS region is configured: set the AWS_REGION environment variable,"
                        + " or region = eu-west-1 in the profile's section of ~/.aws/config (AWS_PROFILE picks the"
                        + " profile), or region(\"eu-west-1\") on the backend's builder", e);
            }
        }
        Region region = Region.of(id);
        // With endpoint overrides (LocalStack, S3-compatible servers) any region name signs requests; against AWS
        // itself an unknown name would only fail later as an unresolvable host.
        if (!b.hasCustomEndpoint() && !Region.regions().contains(region)) {
            throw new ConfigurationException("unknown AWS region \"" + id + "\": use a region name such as us-east-1,"
                    + " eu-west-1 or ap-southeast-2 (see `aws ec2 describe-regions`)");
        }
        return region;
    }

    private static AwsCredentialsProvider credentialsProvider(Builder b) {
        if (b.credentialsProvider != null) {
            return b.credentialsProvider;
        }
        if (b.accessKeyId != null) {
            return StaticCredentialsProvider.create(b.sessionToken == null
                    ? AwsBasicCredentials.create(b.accessKeyId, b.secretAccessKey)
                    : AwsSessionCredentials.create(b.accessKeyId, b.secretAccessKey, b.sessionToken));
        }
        if (b.profile != null) {
            return ProfileCredentialsProvider.builder().profileName(b.profile).build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** Builds an {@link AwsBackend}. Not thread-safe; {@link #build()} copies what it needs. */
    public static final class Builder {
        private String region;
        private String profile;
        private String accessKeyId;
        private String secretAccessKey;
        private String sessionToken;
        private AwsCredentialsProvider credentialsProvider;
        private String roleArn;
        private String bucket;
        private final Map<AwsService, URI> endpoints = new EnumMap<>(AwsService.class);
        private URI endpointUrl;
        private AwsClientCustomizer customizer = AwsClientCustomizer.none();
        private boolean pathStyle;
        private ServerSideEncryption encryption = ServerSideEncryption.bucketDefault();
        private boolean createMissingBuckets;
        private boolean createMissingRepositories;
        private boolean immutableTags;
        private boolean scanOnPush = true;
        private String dockerHost;
        private ExtractionLimits extractionLimits = ExtractionLimits.defaults();
        private ResiliencePolicies policies = ResiliencePolicies.defaults();
        // Fewer, larger parts: each part is a request (and, on S3-compatible servers, work to store and join), so 32 MiB
        // parts cost a quarter of the requests of the AWS CLI's 8 MiB. Measured on a local server: 32 MiB parts with 32
        // requests in flight beat 16 MiB with 64 by 1.8x (aws-adapter/PERFORMANCE.md). S3 allows 10,000 parts, so files
        // up to 312 GiB keep this size; larger ones get larger parts from the SDK.
        private long multipartThresholdBytes = 32L << 20;
        private long partSizeBytes = 32L << 20;
        private int maxConcurrency = 32;
        private java.nio.file.Path home = java.nio.file.Path.of(System.getProperty("user.home"), ".drydock");
        private String stagingKey = "drydock/";
        private String ecrRepository;

        private Builder() {
        }

        /** The AWS region (for example {@code eu-west-1}); by default the SDK's region chain (AWS_REGION, profile). */
        public Builder region(String value) {
            this.region = value;
            return this;
        }

        /** A named profile of {@code ~/.aws/config} for credentials. */
        public Builder profile(String value) {
            this.profile = value;
            return this;
        }

        /** Explicit long-term credentials. */
        public Builder credentials(String accessKeyIdValue, String secretAccessKeyValue) {
            return credentials(accessKeyIdValue, secretAccessKeyValue, null);
        }

        /** Explicit temporary credentials (with a session token). */
        public Builder credentials(String accessKeyIdValue, String secretAccessKeyValue, String sessionTokenValue) {
            if (accessKeyIdValue == null || accessKeyIdValue.isBlank() || secretAccessKeyValue == null || secretAccessKeyValue.isBlank()) {
                throw new ConfigurationException("explicit AWS credentials need both an access key id and a secret access key");
            }
            this.accessKeyId = accessKeyIdValue;
            this.secretAccessKey = secretAccessKeyValue;
            this.sessionToken = sessionTokenValue;
            return this;
        }

        /** Any SDK credentials provider (overrides profile and explicit credentials). */
        public Builder credentialsProvider(AwsCredentialsProvider provider) {
            this.credentialsProvider = provider;
            return this;
        }

        /** The default SageMaker execution role for specs that name none. */
        public Builder roleArn(String value) {
            this.roleArn = value;
            return this;
        }

        /** The default bucket for staging data and outputs. */
        public Builder bucket(String value) {
            this.bucket = value;
            return this;
        }

        /**
         * Sends every service's calls to {@code endpoint} (LocalStack, an emulator); {@link #endpointOverride} still
         * wins for its service. Without either, the SDK's own settings apply: {@code AWS_ENDPOINT_URL},
         * {@code AWS_ENDPOINT_URL_<SERVICE>} (such as {@code AWS_ENDPOINT_URL_S3}) and the profile's {@code endpoint_url}.
         */
        public Builder endpointUrl(URI endpoint) {
            this.endpointUrl = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /** Adjusts each SDK client drydock makes (timeouts, proxy, expect-continue, an HTTP client of your own). */
        public Builder clientCustomizer(AwsClientCustomizer value) {
            this.customizer = Objects.requireNonNull(value, "clientCustomizer");
            return this;
        }

        /** Sends {@code service}'s calls to {@code endpoint} (LocalStack, an S3-compatible server). */
        public Builder endpointOverride(AwsService service, URI endpoint) {
            endpoints.put(Objects.requireNonNull(service, "service"), Objects.requireNonNull(endpoint, "endpoint"));
            return this;
        }

        /** Path-style S3 addressing ({@code host/bucket/key}), which most S3-compatible servers need. */
        public Builder pathStyleAccess(boolean value) {
            this.pathStyle = value;
            return this;
        }

        /** Server-side encryption of the objects drydock writes. */
        public Builder serverSideEncryption(ServerSideEncryption value) {
            this.encryption = Objects.requireNonNull(value, "serverSideEncryption");
            return this;
        }

        /** Whether writing to a missing bucket creates it (off by default). */
        public Builder createMissingBuckets(boolean value) {
            this.createMissingBuckets = value;
            return this;
        }

        /** Whether pushing to a missing ECR repository creates it (off by default). */
        public Builder createMissingRepositories(boolean value) {
            this.createMissingRepositories = value;
            return this;
        }

        /** Whether ECR repositories drydock creates have immutable tags (off by default). */
        public Builder immutableTags(boolean value) {
            this.immutableTags = value;
            return this;
        }

        /** Whether ECR repositories drydock creates scan on push (on by default). */
        public Builder scanOnPush(boolean value) {
            this.scanOnPush = value;
            return this;
        }

        /** The Docker daemon that holds local images ({@code unix:///var/run/docker.sock} by default, or DOCKER_HOST). */
        public Builder dockerHost(String value) {
            this.dockerHost = value;
            return this;
        }

        /** Caps on extracted model archives. */
        public Builder extractionLimits(ExtractionLimits value) {
            this.extractionLimits = Objects.requireNonNull(value, "extractionLimits");
            return this;
        }

        /** Retry, rate-limit and SDK retry policies. */
        public Builder policies(ResiliencePolicies value) {
            this.policies = Objects.requireNonNull(value, "policies");
            return this;
        }

        /** Multipart transfers: objects from {@code thresholdBytes} go in parts of {@code partBytes}. */
        public Builder multipart(long thresholdBytes, long partBytes) {
            if (partBytes < (5L << 20) || thresholdBytes < partBytes) {
                throw new ConfigurationException("multipart part size must be at least 5 MiB (S3's minimum) and the"
                        + " threshold at least the part size; got threshold " + thresholdBytes + ", part " + partBytes);
            }
            this.multipartThresholdBytes = thresholdBytes;
            this.partSizeBytes = partBytes;
            return this;
        }

        /** The most S3 requests in flight at once. */
        public Builder maxConcurrency(int value) {
            if (value < 1) {
                throw new ConfigurationException("maxConcurrency must be at least 1, got " + value);
            }
            this.maxConcurrency = value;
            return this;
        }

        /** The local folder models are extracted into ({@code <home>/models}); {@code ~/.drydock} by default. */
        public Builder home(java.nio.file.Path value) {
            this.home = Objects.requireNonNull(value, "home").toAbsolutePath().normalize();
            return this;
        }

        /** The key prefix in the bucket inputs are staged below and models written below; {@code drydock/} by default. */
        public Builder stagingKey(String value) {
            Objects.requireNonNull(value, "stagingKey");
            this.stagingKey = value.isEmpty() || value.endsWith("/") ? value : value + "/";
            return this;
        }

        /**
         * The ECR repository a local training image is pushed to (under its tag, created when missing if
         * {@link #createMissingRepositories}) when a request names no push target; none by default.
         */
        public Builder ecrRepository(String value) {
            this.ecrRepository = value == null || value.isBlank() ? null : value;
            return this;
        }

        /** The backend; clients are made on first use. */
        public AwsBackend build() {
            return new AwsBackend(this);
        }

        /** The endpoint of each service that has one: its own override, else the one for every service. */
        private Map<AwsService, URI> endpointsByService() {
            Map<AwsService, URI> all = new EnumMap<>(AwsService.class);
            if (endpointUrl != null) {
                for (AwsService service : AwsService.values()) {
                    all.put(service, endpointUrl);
                }
            }
            all.putAll(endpoints);
            return all;
        }

        /** Whether any endpoint other than AWS's own is configured, here or in the SDK's environment variables. */
        private boolean hasCustomEndpoint() {
            return endpointUrl != null || !endpoints.isEmpty()
                    || System.getenv().keySet().stream().anyMatch(name -> name.startsWith("AWS_ENDPOINT_URL"));
        }

        private Builder copy() {
            Builder c = new Builder();
            c.region = region;
            c.profile = profile;
            c.accessKeyId = accessKeyId;
            c.secretAccessKey = secretAccessKey;
            c.sessionToken = sessionToken;
            c.credentialsProvider = credentialsProvider;
            c.roleArn = roleArn;
            c.bucket = bucket;
            c.endpoints.putAll(endpoints);
            c.endpointUrl = endpointUrl;
            c.customizer = customizer;
            c.pathStyle = pathStyle;
            c.encryption = encryption;
            c.createMissingBuckets = createMissingBuckets;
            c.createMissingRepositories = createMissingRepositories;
            c.immutableTags = immutableTags;
            c.scanOnPush = scanOnPush;
            c.dockerHost = dockerHost;
            c.extractionLimits = extractionLimits;
            c.policies = policies;
            c.multipartThresholdBytes = multipartThresholdBytes;
            c.partSizeBytes = partSizeBytes;
            c.maxConcurrency = maxConcurrency;
            c.home = home;
            c.stagingKey = stagingKey;
            c.ecrRepository = ecrRepository;
            return c;
        }

        /** The settings, with credentials reduced to their kind and a masked key id. */
        String describe() {
            String credentials;
            if (credentialsProvider != null) {
                credentials = "provider(" + credentialsProvider.getClass().getSimpleName() + ")";
            } else if (accessKeyId != null) {
                credentials = "static(" + mask(accessKeyId) + (sessionToken == null ? "" : ", session") + ")";
            } else if (profile != null) {
                credentials = "profile(" + profile + ")";
            } else {
                credentials = "default-chain";
            }
            return "credentials=" + credentials + ", roleArn=" + roleArn + ", bucket=" + bucket + ", endpoints=" + endpoints
                    + ", pathStyle=" + pathStyle + ", encryption=" + encryption.mode() + ", createMissingBuckets="
                    + createMissingBuckets + ", createMissingRepositories=" + createMissingRepositories + ", policies=" + policies;
        }

        /** Builder's own toString shows no secret either. */
        @Override
        public String toString() {
            return "AwsBackend.Builder{region=" + region + ", " + describe() + "}";
        }

        private static String mask(String keyId) {
            return keyId.length() <= 8 ? "****" : keyId.substring(0, 4) + "****" + keyId.substring(keyId.length() - 4);
        }
    }
}
