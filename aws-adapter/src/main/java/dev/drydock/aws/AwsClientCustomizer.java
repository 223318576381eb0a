package dev.drydock.aws;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

/**
 * Adjusts the SDK clients an {@link AwsBackend} makes, after drydock's own settings, so that what is set here wins:
 * timeouts, a proxy, {@code expectContinueEnabled}, extra headers, an HTTP client of your own. Each method is called
 * once per client made, with the service it is for; all do nothing by default, so implement only what you need.
 *
 * <pre>{@code
 * AwsBackend.builder().clientCustomizer(new AwsClientCustomizer() {
 *     public void httpClient(AwsService service, Apache5HttpClient.Builder http) {
 *         http.socketTimeout(Duration.ofMinutes(2)).expectContinueEnabled(false);
 *     }
 *     public void overrides(AwsService service, ClientOverrideConfiguration.Builder overrides) {
 *         overrides.apiCallTimeout(Duration.ofMinutes(10));
 *     }
 * })
 * }</pre>
 *
 * <p>Sync clients (SageMaker, CloudWatch Logs, ECR, and S3 for listing and checks) use the Apache 5 HTTP client; S3
 * transfers use the Netty async client. To use an HTTP client of your own, set it on the client builder in
 * {@link #client}: {@code ((SdkSyncClientBuilder<?, ?>) client).httpClientBuilder(defaults -> myHttpClient)}.
 */
public interface AwsClientCustomizer {
    /** Changes the overrides (retry strategy already set by drydock, timeouts, headers, interceptors) of {@code service}'s client. */
    default void overrides(AwsService service, ClientOverrideConfiguration.Builder overrides) {
    }

    /** Changes the HTTP client of a sync client of {@code service} (timeouts, proxy, expect-continue, connections). */
    default void httpClient(AwsService service, Apache5HttpClient.Builder http) {
    }

    /** Changes the HTTP client of the async S3 client that makes transfers (timeouts, proxy, concurrency). */
    default void asyncHttpClient(AwsService service, NettyNioAsyncHttpClient.Builder http) {
    }

    /** Changes {@code service}'s client builder last of all, just before it is built. */
    default void client(AwsService service, AwsClientBuilder<?, ?> client) {
    }

    /** Changes nothing. */
    static AwsClientCustomizer none() {
        return new AwsClientCustomizer() {
        };
    }
}
