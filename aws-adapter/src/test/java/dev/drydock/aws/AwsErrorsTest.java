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
}
