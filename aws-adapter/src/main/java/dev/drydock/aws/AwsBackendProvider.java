package dev.drydock.aws;

import dev.drydock.core.Backend;
import dev.drydock.core.BackendSettings;
import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.spi.BackendProvider;
import dev.drydock.core.spi.BackendSetting;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sagemaker} backend by name: SageMaker training jobs, S3 storage, ECR images, CloudWatch logs.
 * Registered for {@link java.util.ServiceLoader}. Region and credentials follow the AWS default chains
 * ({@code AWS_REGION}, {@code AWS_PROFILE}, ...) unless set here.
 */
public final class AwsBackendProvider implements BackendProvider {
    static final BackendSetting BUCKET = BackendSetting.of("bucket", "the S3 bucket inputs are staged in and models written to");
    static final BackendSetting ROLE_ARN = BackendSetting.of("role-arn",
            "the execution role SageMaker assumes, arn:aws:iam::<account>:role/<name>");
    static final BackendSetting REGION = BackendSetting.of("region", "the AWS region", "AWS_REGION or the profile's region");
    static final BackendSetting PROFILE = BackendSetting.of("profile", "the AWS credentials profile", "the default chain");
    static final BackendSetting ECR_REPOSITORY = BackendSetting.of("ecr-repository",
            "the ECR repository a local training image is pushed to (created when missing)", "drydock-trainer");
    static final BackendSetting STAGING_KEY = BackendSetting.of("staging-key",
            "the key prefix in the bucket for staged inputs and models", "drydock/");
    static final BackendSetting ENDPOINT_URL = BackendSetting.of("endpoint-url",
            "one endpoint for every AWS service (an emulator such as LocalStack)", "AWS's own");
    static final BackendSetting PATH_STYLE = BackendSetting.of("path-style",
            "S3 path-style addressing (true for most emulators)", "false");
    static final BackendSetting HOME = BackendSetting.of("home", "local folder models are extracted into (<home>/models)",
            "~/.drydock");
    static final BackendSetting DOCKER_HOST = BackendSetting.of("docker-host",
            "the local Docker daemon images are pushed from", "DOCKER_HOST or the local socket");

    private static final String ROLE_PATTERN = "arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}";
    private static final String BUCKET_PATTERN = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]";

    private final java.util.function.Function<String, java.util.Optional<String>> regionChain;

    /** For {@link java.util.ServiceLoader}. */
    public AwsBackendProvider() {
        this(AwsBackendProvider::regionFromChain);
    }

    /** With {@code regionChain}: the region the SDK finds for a profile ({@code null}: the default) when none is set. */
    AwsBackendProvider(java.util.function.Function<String, java.util.Optional<String>> regionChain) {
        this.regionChain = regionChain;
    }

    /** The region of the SDK's chain (aws.region, AWS_REGION, the profile's region, instance metadata), if any. */
    private static java.util.Optional<String> regionFromChain(String profile) {
        try {
            var chain = profile == null ? new software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain()
                    : software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain.builder().profileName(profile).build();
            return java.util.Optional.of(chain.getRegion().id());
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public List<String> names() {
        return List.of("sagemaker");
    }

    @Override
    public List<BackendSetting> settings(String name) {
        return List.of(BUCKET, ROLE_ARN, REGION, PROFILE, ECR_REPOSITORY, STAGING_KEY, ENDPOINT_URL, PATH_STYLE, HOME, DOCKER_HOST);
    }

    @Override
    public String description(String name) {
        return "Amazon SageMaker, S3 and ECR";
    }

    /** Checks every setting before any client is made: a bad one is reported with all the others, and nothing was contacted. */
    @Override
    public Backend create(String name, BackendSettings settings) {
        List<String> problems = new ArrayList<>();
        String bucket = settings.get(BUCKET.key()).orElse(null);
        if (bucket == null) {
            problems.add("bucket must be set: the S3 bucket for inputs and models (--bucket NAME or DRYDOCK_BUCKET)");
        } else if (!bucket.matches(BUCKET_PATTERN) || bucket.contains("..")) {
            problems.add(settings.origin(BUCKET.key()) + " \"" + bucket + "\" must be an S3 bucket name: 3 to 63 lower-case"
                    + " letters, digits, '.' and '-', starting and ending with a letter or digit");
        }
        String role = settings.get(ROLE_ARN.key()).orElse(null);
        if (role == null) {
            problems.add("role-arn must be set: the execution role SageMaker assumes (--role arn:aws:iam::<account>:role/<name>"
                    + " or DRYDOCK_ROLE_ARN)");
        } else if (!role.matches(ROLE_PATTERN)) {
            problems.add(settings.origin(ROLE_ARN.key()) + " \"" + role + "\" must be an IAM role ARN such as"
                    + " arn:aws:iam::123456789012:role/SageMakerExecution");
        }
        settings.get(REGION.key()).filter(r -> !r.matches("[a-z]{2}(-[a-z]+)+-\\d")).ifPresent(r -> problems.add(
                settings.origin(REGION.key()) + " \"" + r + "\" must be an AWS region such as eu-west-1"));
        String region = settings.get(REGION.key())
                .or(() -> regionChain.apply(settings.get(PROFILE.key()).orElse(null))).orElse(null);
        if (region == null) {
            String profile = settings.get(PROFILE.key()).orElse(System.getenv("AWS_PROFILE"));
            problems.add("region must be set: the AWS region to run in (--region eu-west-1 or DRYDOCK_REGION, or the"
                    + " AWS_REGION environment variable, or region = eu-west-1 in the "
                    + (profile == null ? "[default]" : "[profile " + profile + "]") + " section of ~/.aws/config)");
        }
        URI endpoint = null;
        boolean pathStyle = false;
        try {
            endpoint = settings.httpUri(ENDPOINT_URL.key()).orElse(null);
            pathStyle = settings.flag(PATH_STYLE.key()).orElse(false);
        } catch (ConfigurationException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("the sagemaker backend is not configured: " + String.join("; ", problems));
        }
        AwsBackend.Builder b = AwsBackend.builder().bucket(bucket).roleArn(role).createMissingRepositories(true)
                .ecrRepository(settings.get(ECR_REPOSITORY).orElseThrow())
                .stagingKey(settings.get(STAGING_KEY).orElseThrow());
        b.region(region);
        settings.get(PROFILE.key()).ifPresent(b::profile);
        settings.path(HOME.key()).ifPresent(b::home);
        settings.get(DOCKER_HOST.key()).ifPresent(b::dockerHost);
        if (endpoint != null) {
            b.endpointUrl(endpoint);
        }
        b.pathStyleAccess(pathStyle);
        return b.build();
    }
}
