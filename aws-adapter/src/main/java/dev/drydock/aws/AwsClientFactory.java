package dev.drydock.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
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
    private final AwsClientCustomizer customizer;

    AwsClientFactory(Region region, AwsCredentialsProvider credentials, Map<AwsService, URI> endpoints, boolean pathStyle,
                     int sdkMaxAttempts, long multipartThresholdBytes, long partSizeBytes, int maxConcurrency,
                     AwsClientCustomizer customizer) {
        this.customizer = customizer;
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
    private ClientOverrideConfiguration overrides(AwsService service) {
        ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(sdkMaxAttempts).build());
        customizer.overrides(service, overrides);
        return overrides.build();
    }

    /**
     * Region, credentials, overrides and the endpoint of {@code service}. Without an endpoint set here the SDK's own
     * rules apply, so {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>} (and the profile's
     * {@code endpoint_url}) keep working.
     */
    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, AwsService service) {
        builder.region(region).credentialsProvider(credentials).overrideConfiguration(overrides(service));
        URI endpoint = endpoints.get(service);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    S3Client s3() {
        return customized(configure(S3Client.builder(), AwsService.S3)
                .httpClientBuilder(http(AwsService.S3, Apache5HttpClient.builder().maxConnections(Math.max(50, maxConcurrency))))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build()), AwsService.S3)
                .build();
    }

    private Apache5HttpClient.Builder http(AwsService service, Apache5HttpClient.Builder http) {
        customizer.httpClient(service, http);
        return http;
    }

    private <B extends AwsClientBuilder<B, ?>> B customized(B builder, AwsService service) {
        customizer.client(service, builder);
        return builder;
    }

    /**
     * The Java-based async client with multipart on: parallel parts, each with a CRC32 checksum.
     *
     * <p>Checksums go in a header computed before the part is sent ({@code chunkedEncodingEnabled(false)}), not as an
     * aws-chunked trailer, which some S3-compatible servers decode slowly; this and the 32 MiB parts are what the
     * measurements in PERFORMANCE.md credit. The payload is signed as the SDK decides: over plain HTTP it always
     * signs the body's SHA-256 (no setting turns that off; {@code S3PayloadSigningIT} shows it on the wire), over
     * HTTPS S3 leaves the payload unsigned and the CRC32 guards every part.
     */
    S3AsyncClient s3Async() {
        NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder().maxConcurrency(maxConcurrency)
                .connectionAcquisitionTimeout(Duration.ofMinutes(2));
        customizer.asyncHttpClient(AwsService.S3, http);
        S3AsyncClientBuilder builder = configure(S3AsyncClient.builder(), AwsService.S3)
                .httpClientBuilder(http)
                .forcePathStyle(pathStyle)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .multipartEnabled(true)
                .multipartConfiguration(MultipartConfiguration.builder()
                        .thresholdInBytes(multipartThresholdBytes)
                        .minimumPartSizeInBytes(partSizeBytes)
                        .build());
        return customized(builder, AwsService.S3).build();
    }

    S3TransferManager transferManager(S3AsyncClient async) {
        return S3TransferManager.builder().s3Client(async).build();
    }

    SageMakerClient sageMaker() {
        return customized(configure(SageMakerClient.builder(), AwsService.SAGEMAKER)
                .httpClientBuilder(http(AwsService.SAGEMAKER, Apache5HttpClient.builder())), AwsService.SAGEMAKER).build();
    }

    CloudWatchLogsClient logs() {
        return customized(configure(CloudWatchLogsClient.builder(), AwsService.LOGS)
                .httpClientBuilder(http(AwsService.LOGS, Apache5HttpClient.builder())), AwsService.LOGS).build();
    }

    EcrClient ecr() {
        return customized(configure(EcrClient.builder(), AwsService.ECR)
                .httpClientBuilder(http(AwsService.ECR, Apache5HttpClient.builder())), AwsService.ECR).build();
    }

    /** An ECR client of {@code otherRegion}, for images in another region's registry (AWS's prebuilt images). */
    EcrClient ecr(String otherRegion) {
        return customized(configure(EcrClient.builder(), AwsService.ECR).region(Region.of(otherRegion))
                .httpClientBuilder(http(AwsService.ECR, Apache5HttpClient.builder())), AwsService.ECR).build();
    }
}
