package dev.drydock.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.auth.scheme.S3AuthSchemeProvider;
import software.amazon.awssdk.services.s3.multipart.MultipartConfiguration;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Builds the SDK clients of an {@link AwsBackend}: region, credentials, endpoint overrides, the SDK's retry strategy. */
final class AwsClientFactory {
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Map<AwsService, URI> endpoints;
    private final boolean pathStyle;
    private final int sdkMaxAttempts;
    private final long multipartThresholdBytes;
    private final long partSizeBytes;
    private final int maxConcurrency;

    AwsClientFactory(Region region, AwsCredentialsProvider credentials, Map<AwsService, URI> endpoints, boolean pathStyle,
                     int sdkMaxAttempts, long multipartThresholdBytes, long partSizeBytes, int maxConcurrency) {
        this.region = region;
        this.credentials = credentials;
        this.endpoints = Map.copyOf(endpoints);
        this.pathStyle = pathStyle;
        this.sdkMaxAttempts = sdkMaxAttempts;
        this.multipartThresholdBytes = multipartThresholdBytes;
        this.partSizeBytes = partSizeBytes;
        this.maxConcurrency = maxConcurrency;
    }

    /**
     * The SDK's standard retry strategy (transient HTTP errors, throttling, with its own backoff), capped at
     * {@code sdkMaxAttempts}. drydock's Resilience4j layer adds retries only for throttling that outlasts these.
     */
    private ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(sdkMaxAttempts).build())
                .build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, AwsService service) {
        builder.region(region).credentialsProvider(credentials).overrideConfiguration(overrides());
        URI endpoint = endpoints.get(service);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    S3Client s3() {
        return configure(S3Client.builder(), AwsService.S3)
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(Math.max(50, maxConcurrency)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build())
                .build();
    }

    /**
     * The Java-based async client with multipart on: parallel parts, each with a CRC32 checksum.
     *
     * <p>Two settings trade nothing away on AWS and matter on S3-compatible servers over plain HTTP: checksums go in a
     * header computed before the part is sent (not as an aws-chunked trailer, which some servers decode slowly), and
     * the payload is not SHA-256-signed (S3 over HTTPS does not sign it either; the CRC32 still guards every part).
     * Measured in PERFORMANCE.md.
     */
    S3AsyncClient s3Async() {
        return configure(S3AsyncClient.builder(), AwsService.S3)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(maxConcurrency)
                        .connectionAcquisitionTimeout(Duration.ofMinutes(2)))
                .forcePathStyle(pathStyle)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .authSchemeProvider(params -> S3AuthSchemeProvider.defaultProvider().resolveAuthScheme(params).stream()
                        .map(option -> option.toBuilder().putSignerProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false).build())
                        .toList())
                .multipartEnabled(true)
                .multipartConfiguration(MultipartConfiguration.builder()
                        .thresholdInBytes(multipartThresholdBytes)
                        .minimumPartSizeInBytes(partSizeBytes)
                        .build())
                .build();
    }

    S3TransferManager transferManager(S3AsyncClient async) {
        return S3TransferManager.builder().s3Client(async).build();
    }

    SageMakerClient sageMaker() {
        return configure(SageMakerClient.builder(), AwsService.SAGEMAKER).httpClientBuilder(Apache5HttpClient.builder()).build();
    }

    CloudWatchLogsClient logs() {
        return configure(CloudWatchLogsClient.builder(), AwsService.LOGS).httpClientBuilder(Apache5HttpClient.builder()).build();
    }

    EcrClient ecr() {
        return configure(EcrClient.builder(), AwsService.ECR).httpClientBuilder(Apache5HttpClient.builder()).build();
    }

    /** An ECR client of {@code otherRegion}, for images in another region's registry (AWS's prebuilt images). */
    EcrClient ecr(String otherRegion) {
        return configure(EcrClient.builder(), AwsService.ECR).region(Region.of(otherRegion))
                .httpClientBuilder(Apache5HttpClient.builder()).build();
    }
}
