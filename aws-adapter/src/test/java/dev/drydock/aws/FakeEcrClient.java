package dev.drydock.aws;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryResponse;
import software.amazon.awssdk.services.ecr.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenRequest;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenResponse;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written ECR client in front of a real registry v2 on 127.0.0.1: authorization tokens are
 * {@code base64("AWS:<password>")} for the registry's htpasswd user, repositories are tracked here, and DescribeImages
 * asks the registry itself for the manifest digest. Only the calls EcrImageRegistry makes are implemented.
 */
final class FakeEcrClient implements EcrClient {
    private final String registryUrl;
    private final String password;
    private final Deque<String> scriptedPasswords = new ArrayDeque<>();
    final Map<String, CreateRepositoryRequest> repositories = new ConcurrentHashMap<>();
    final AtomicInteger tokenRequests = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();

    FakeEcrClient(String registryUrl, String password) {
        this.registryUrl = registryUrl;
        this.password = password;
    }

    /** The next token handed out carries {@code stalePassword} (as an expired token would), the ones after the right one. */
    FakeEcrClient nextTokenStale(String stalePassword) {
        scriptedPasswords.add(stalePassword);
        return this;
    }

    @Override
    public GetAuthorizationTokenResponse getAuthorizationToken(GetAuthorizationTokenRequest request) {
        tokenRequests.incrementAndGet();
        String pw = scriptedPasswords.isEmpty() ? password : scriptedPasswords.poll();
        String token = Base64.getEncoder().encodeToString(("AWS:" + pw).getBytes(StandardCharsets.UTF_8));
        return GetAuthorizationTokenResponse.builder().authorizationData(AuthorizationData.builder()
                .authorizationToken(token).proxyEndpoint(registryUrl).expiresAt(Instant.now().plusSeconds(12 * 3600)).build()).build();
    }

    @Override
    public DescribeRepositoriesResponse describeRepositories(DescribeRepositoriesRequest request) {
        String name = request.repositoryNames().get(0);
        if (!repositories.containsKey(name)) {
            throw RepositoryNotFoundException.builder().awsErrorDetails(AwsErrorDetails.builder()
                    .errorCode("RepositoryNotFoundException").errorMessage("The repository with name '" + name
                            + "' does not exist in the registry with id '123456789012'").build()).statusCode(400).build();
        }
        return DescribeRepositoriesResponse.builder().repositories(Repository.builder().repositoryName(name).build()).build();
    }

    @Override
    public CreateRepositoryResponse createRepository(CreateRepositoryRequest request) {
        repositories.put(request.repositoryName(), request);
        return CreateRepositoryResponse.builder().repository(Repository.builder().repositoryName(request.repositoryName()).build()).build();
    }

    @Override
    public DescribeImagesResponse describeImages(DescribeImagesRequest request) {
        String reference = request.imageIds().get(0).imageDigest() != null ? request.imageIds().get(0).imageDigest()
                : request.imageIds().get(0).imageTag();
        HttpRequest head = HttpRequest.newBuilder(URI.create(registryUrl + "/v2/" + request.repositoryName() + "/manifests/" + reference))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("AWS:" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json,"
                        + " application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json")
                .build();
        try {
            HttpResponse<Void> r = http.send(head, HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 404) {
                throw ImageNotFoundException.builder().awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ImageNotFoundException").errorMessage("The image requested does not exist").build()).statusCode(400).build();
            }
            String digest = r.headers().firstValue("Docker-Content-Digest").orElseThrow();
            return DescribeImagesResponse.builder().imageDetails(ImageDetail.builder().repositoryName(request.repositoryName())
                    .imageDigest(digest).build()).build();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("the local registry did not answer", e);
        }
    }

    @Override
    public String serviceName() {
        return "ecr";
    }

    @Override
    public void close() {
    }
}
