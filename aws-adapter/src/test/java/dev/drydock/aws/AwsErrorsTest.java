package dev.drydock.aws;

import dev.drydock.core.error.AccessDeniedException;
import dev.drydock.core.error.BackendUnavailableException;
import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.DrydockInterruptedException;
import dev.drydock.core.error.ErrorCode;
import dev.drydock.core.error.ThrottledException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AwsErrors}: each AWS failure becomes the drydock error a caller can act on, with the SDK error as cause. */
class AwsErrorsTest {

    @Test
    void translate_whenThrottling_isRetryableThrottled() {
        DrydockException e = AwsErrors.translate(FakeSageMakerClient.error("ThrottlingException", "Rate exceeded", 400), "describing x");

        assertThat(e).isInstanceOf(ThrottledException.class);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getCause()).isNotNull();
    }

    @Test
    void translate_whenLimitExceeded_isThrottled() {
        assertThat(AwsErrors.translate(FakeSageMakerClient.error("LimitExceededException", "Too many", 400), "listing"))
                .isInstanceOf(ThrottledException.class);
    }

    @Test
    void translate_whenTokenExpired_isConfigurationWithTheFix() {
        DrydockException e = AwsErrors.translate(FakeSageMakerClient.error("ExpiredTokenException",
                "The security token included in the request is expired", 400), "describing job x");

        assertThat(e).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("expired").hasMessageContaining("aws sso login").hasMessageContaining("AWS_ACCESS_KEY_ID");
        assertThat(e.getCause()).isInstanceOf(software.amazon.awssdk.services.sagemaker.model.SageMakerException.class);
    }

    @Test
    void translate_whenProfileHasNoCredentials_namesTheProfileFix() {
        DrydockException e = AwsErrors.translate(SdkClientException.create(
                "Profile file contained no credentials for profile 'nope': ProfileFile(sections=[])"), "getting an ECR token");

        assertThat(e).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'nope'").hasMessageContaining("--profile").hasMessageContaining("aws configure");
    }

    @Test
    void translate_whenCredentialsMissing_isConfigurationWithTheFix() {
        DrydockException e = AwsErrors.translate(SdkClientException.create("Unable to load credentials from any of the"
                + " providers in the chain"), "creating training job x");

        assertThat(e).isInstanceOf(ConfigurationException.class).hasMessageContaining("no AWS credentials")
                .hasMessageContaining("aws configure");
    }

    @Test
    void translate_whenBucketInAnotherRegion_namesThatRegion() {
        S3Exception redirect = (S3Exception) S3Exception.builder().statusCode(301)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("PermanentRedirect")
                        .errorMessage("The bucket you are attempting to access must be addressed using the specified endpoint.")
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(301)
                                .putHeader("x-amz-bucket-region", "ap-southeast-2").build()).build()).build();

        DrydockException e = AwsErrors.translate(redirect, "uploading to s3://far-away/x");

        assertThat(e).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("it is in ap-southeast-2").hasMessageContaining("region(\"ap-southeast-2\")");
    }

    @Test
    void translate_whenAccessDenied_isAccessDeniedSayingWhatToGrant() {
        DrydockException e = AwsErrors.translate(FakeSageMakerClient.error("AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: sagemaker:CreateTrainingJob", 400),
                "creating training job x");

        assertThat(e).isInstanceOf(AccessDeniedException.class).hasMessageContaining("sagemaker:CreateTrainingJob");
    }

    @Test
    void translate_whenInstanceTypeRefused_isConfiguration() {
        DrydockException e = AwsErrors.translate(FakeSageMakerClient.error("ValidationException",
                "1 validation error detected: Value 'ml.m9.mega' at 'resourceConfig.instanceType' failed to satisfy"
                        + " constraint: Member must satisfy enum value set", 400), "creating training job x");

        assertThat(e).isInstanceOf(ConfigurationException.class).hasMessageContaining("instance type");
    }

    @Test
    void translate_whenOtherValidation_isInvalidInputNotRetryable() {
        DrydockException e = AwsErrors.translate(FakeSageMakerClient.error("ValidationException", "bad tag", 400), "x");

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void translate_whenServerError_isBackendUnavailable() {
        assertThat(AwsErrors.translate(FakeSageMakerClient.error("InternalFailure", "oops", 500), "x"))
                .isInstanceOf(BackendUnavailableException.class);
    }

    @Test
    void translate_whenHostUnknown_pointsAtRegionAndEndpoint() {
        SdkClientException e = SdkClientException.builder().message("Unable to execute HTTP request: api.sagemaker.xx-nowhere-1.amazonaws.com")
                .cause(new UnknownHostException("api.sagemaker.xx-nowhere-1.amazonaws.com")).build();

        assertThat(AwsErrors.translate(e, "describing job x")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("region");
    }

    @Test
    void translate_whenCallAbortedByInterrupt_isInterruptedAndKeepsTheFlag() {
        try {
            DrydockException e = AwsErrors.translate(AbortedException.builder().message("Thread was interrupted").build(),
                    "describing training job x");

            assertThat(e).isInstanceOf(DrydockInterruptedException.class).hasMessageContaining("describing training job x");
            assertThat(e.code()).isEqualTo(ErrorCode.INTERRUPTED);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
    @Test
    void translate_whenHttp100WithoutErrorCode_isOneSentenceWithTheStatusAndRetryable() {
        DrydockException e = AwsErrors.translate(bareStatus(100), "uploading folder /data to s3://b/p/");

        assertThat(e.getMessage()).isEqualTo("S3 gave HTTP status 100 (Continue) as its final answer while uploading"
                + " folder /data to s3://b/p/, which no S3 operation returns: a server or proxy that mishandles"
                + " 'Expect: 100-continue' does this; try again, or turn the header off for that endpoint with"
                + " AwsBackend.builder().clientCustomizer(..) (expectContinueEnabled(false) on the HTTP client)");
        assertThat(e).isInstanceOf(BackendUnavailableException.class);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void translate_whenHttp500WithoutErrorCode_namesTheStatusWithoutGaps() {
        DrydockException e = AwsErrors.translate(bareStatus(500), "uploading /data/a.csv to s3://b/p/a.csv");

        assertThat(e.getMessage()).isEqualTo("S3 failed on its side while uploading /data/a.csv to s3://b/p/a.csv"
                + " (HTTP 500 Internal Server Error); such faults usually pass: try again later");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void translate_whenUnexpectedClientStatus_namesStatusAndCodeInOneSentence() {
        DrydockException e = AwsErrors.translate(FakeSageMakerClient.error("WeirdConflict", "it clashed", 409), "stopping job x");

        assertThat(e.getMessage()).isEqualTo("SageMaker refused stopping job x with HTTP 409 Conflict (WeirdConflict):"
                + " it clashed");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void translate_whenRequestTimeout_isRetryable() {
        DrydockException e = AwsErrors.translate(bareStatus(408), "uploading x");

        assertThat(e).isInstanceOf(BackendUnavailableException.class);
        assertThat(e.getMessage()).contains("HTTP 408 Request Timeout").doesNotContain("  ").doesNotContain(" ()").doesNotContain("(,");
    }

    @Test
    void translate_whenNoStatusPhraseIsKnown_stillReadsWell() {
        DrydockException e = AwsErrors.translate(bareStatus(599), "reading x");

        assertThat(e.getMessage()).contains("(HTTP 599)").doesNotContain("  ").doesNotContain(" ()").doesNotContain("(,");
    }

    /** What the SDK makes of an answer with a status and an empty body: no error code, no message. */
    private static S3Exception bareStatus(int status) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .message("Service returned HTTP status code " + status + " (Service: S3, Status Code: " + status
                        + ", Request ID: null)")
                .awsErrorDetails(AwsErrorDetails.builder().serviceName("S3")
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build()).build()).build();
    }
}
