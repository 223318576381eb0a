package dev.drydock.aws;

import dev.drydock.core.error.AccessDeniedException;
import dev.drydock.core.error.BackendUnavailableException;
import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.DrydockInterruptedException;
import dev.drydock.core.error.ErrorCode;
import dev.drydock.core.error.ThrottledException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Translates AWS SDK exceptions into drydock's error hierarchy at the adapter boundary, keeping the SDK exception as
 * the cause. Adapters first handle the answers whose meaning depends on the call (a missing job, an existing name),
 * then hand everything else here.
 *
 * <p>Messages name what was being done, on what, and the fix. They never contain credentials: the SDK's own
 * messages do not either, and nothing secret is passed in.
 */
public final class AwsErrors {
    /** Error codes AWS services use for "slow down". */
    static final Set<String> THROTTLING_CODES = Set.of("Throttling", "ThrottlingException", "ThrottledException",
            "RequestThrottledException", "TooManyRequestsException", "ProvisionedThroughputExceededException",
            "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException",
            "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException");
    /** Error codes that mean the credentials are missing, wrong or expired. */
    static final Set<String> CREDENTIAL_CODES = Set.of("InvalidClientTokenId", "UnrecognizedClientException",
            "SignatureDoesNotMatch", "InvalidAccessKeyId", "ExpiredToken", "ExpiredTokenException", "RequestExpired",
            "TokenRefreshRequired", "InvalidToken", "MissingAuthenticationToken", "IncompleteSignature",
            "AuthFailure", "InvalidSignatureException");
    private static final Set<String> ACCESS_DENIED_CODES = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "AllAccessDisabled", "Forbidden");
    private static final List<String> CREDENTIAL_FIX = List.of(
            "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials)",
            "run `aws configure` or `aws sso login --profile NAME` and pass profile(NAME)",
            "or give explicit credentials to AwsBackend.builder().credentials(..)");

    private AwsErrors() {
    }

    /**
     * The drydock exception for {@code e}, raised while doing {@code action} (for example
     * {@code "describing training job my-job"}).
     */
    public static DrydockException translate(SdkException e, String action) {
        if (e instanceof AwsServiceException service) {
            return translateService(service, action);
        }
        return translateClient(e, action);
    }

    /** Whether {@code e} is a throttling or limit-exceeded answer. */
    public static boolean isThrottling(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || THROTTLING_CODES.contains(errorCode(service));
        }
        return false;
    }

    /** The service's error code, or an empty string. */
    static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
    }

    /** The service's own message, without the SDK's request-id suffix, or an empty string. */
    static String serviceMessage(AwsServiceException e) {
        if (e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null) {
            return e.awsErrorDetails().errorMessage();
        }
        return e.getMessage() == null ? "" : e.getMessage();
    }

    /** The region a 301 PermanentRedirect (or a malformed-authorization answer) says a bucket lives in. */
    static Optional<String> redirectRegion(AwsServiceException e) {
        if (e.awsErrorDetails() != null && e.awsErrorDetails().sdkHttpResponse() != null) {
            Optional<String> header = e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region");
            if (header.isPresent()) {
                return header;
            }
        }
        // S3's AuthorizationHeaderMalformed message says "... the region 'us-east-1' is wrong; expecting 'eu-west-1'".
        String message = serviceMessage(e);
        int at = message.indexOf("expecting '");
        if (at >= 0) {
            int end = message.indexOf('\'', at + 11);
            if (end > at) {
                return Optional.of(message.substring(at + 11, end));
            }
        }
        return Optional.empty();
    }

    private static DrydockException translateService(AwsServiceException e, String action) {
        String code = errorCode(e);
        String message = serviceMessage(e);
        int status = e.statusCode();
        if (isThrottling(e) || status == 429) {
            return new ThrottledException("AWS asked to slow down while " + action + " (" + code + "): " + message
                    + "; drydock retries read operations with backoff, or lower the polling rate", e);
        }
        if (CREDENTIAL_CODES.contains(code)) {
            return new ConfigurationException("the AWS credentials were refused while " + action + " (" + code + ": "
                    + message + "); they are wrong or expired: " + String.join(", ", CREDENTIAL_FIX), e);
        }
        if (status == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)
                || "IllegalLocationConstraintException".equals(code)) {
            String region = redirectRegion(e).orElse(null);
            return new ConfigurationException("the bucket is in another region than the one configured while " + action
                    + (region == null ? "" : ": it is in " + region) + "; set region(\"" + (region == null ? "<its region>" : region)
                    + "\") on the AWS backend, or use a bucket in the configured region", e);
        }
        if (ACCESS_DENIED_CODES.contains(code) || status == 403) {
            return new AccessDeniedException("access denied while " + action + " (" + code + "): " + message
                    + "; grant the identity drydock runs as the permission named there (IAM policy, bucket policy or"
                    + " KMS key policy)", e);
        }
        if ("ResourceLimitExceeded".equals(code)) {
            return new ConfigurationException("an account limit stopped " + action + ": " + message
                    + "; request a Service Quotas increase for this instance type in this region, or choose another"
                    + " instance type", e);
        }
        if ("ValidationException".equals(code) && isInstanceTypeProblem(message)) {
            return new ConfigurationException("the instance type is not available to this account or region while "
                    + action + ": " + message + "; choose a supported instance type (ml.m5.large, ml.m5.xlarge, ..)", e);
        }
        if ("ValidationException".equals(code) && isRoleProblem(message)) {
            return new ConfigurationException("SageMaker cannot use the execution role while " + action + ": " + message
                    + "; pass roleArn(..) with a role that exists, trusts sagemaker.amazonaws.com and may read the"
                    + " inputs and write the output path", e);
        }
        if ("ValidationException".equals(code) || "InvalidParameterException".equals(code)
                || "InvalidParameterValueException".equals(code) || status == 400) {
            return new DrydockException(ErrorCode.INVALID_INPUT, "AWS refused the request while " + action + " (" + code
                    + "): " + message, e, false);
        }
        if (status >= 500 || e.isClockSkewException()) {
            return new BackendUnavailableException("AWS did not answer properly while " + action + " (HTTP " + status + " "
                    + code + "): " + message + "; try again later", e);
        }
        return new DrydockException(ErrorCode.INTERNAL, "AWS answered " + action + " with " + code + " (HTTP " + status
                + "): " + message, e, false);
    }

    private static DrydockException translateClient(SdkException e, String action) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof AbortedException || rootCause(e) instanceof InterruptedException) {
            // The SDK gave up because the calling thread was interrupted (a stop, a shutdown): say so, and keep the
            // interrupt for the caller's own loop rather than calling it an internal error.
            Thread.currentThread().interrupt();
            InterruptedException interrupted = rootCause(e) instanceof InterruptedException ie ? ie
                    : new InterruptedException(message);
            interrupted.addSuppressed(e);
            return new DrydockInterruptedException(action, interrupted);
        }
        if (message.contains("Unable to load credentials") || message.contains("Unable to load an AWS credential")
                || message.contains("credentials") && message.contains("Unable to")) {
            return new ConfigurationException("no AWS credentials were found while " + action + ": "
                    + String.join(", ", CREDENTIAL_FIX), e);
        }
        if (message.contains("Profile file contained no credentials") || message.contains("No profile")
                || message.contains("profile") && message.contains("not found")) {
            // A named profile that does not exist fails here, before any request is sent.
            return new ConfigurationException("the AWS profile has no credentials while " + action + " (" + message
                    + "): check the profile name (--profile, AWS_PROFILE) against ~/.aws/credentials and ~/.aws/config,"
                    + " or run aws configure --profile NAME", e);
        }
        if (message.contains("Unable to load region") || message.contains("No region")) {
            return new ConfigurationException("no AWS region is configured while " + action
                    + ": set region(\"us-east-1\") (or another) on the AWS backend, or AWS_REGION", e);
        }
        Throwable cause = rootCause(e);
        if (cause instanceof UnknownHostException) {
            return new ConfigurationException("the AWS endpoint's host name does not resolve while " + action + " ("
                    + cause.getMessage() + "): check the region name and any endpoint override, and the network", e);
        }
        if (cause instanceof IOException || e instanceof SdkClientException && e.retryable()) {
            return new BackendUnavailableException("AWS could not be reached while " + action + " (" + message
                    + "); check the network and any endpoint override, then try again", e);
        }
        return new DrydockException(ErrorCode.INTERNAL, "the AWS SDK failed while " + action + ": " + message, e, false);
    }

    private static boolean isInstanceTypeProblem(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("instance type") || m.contains("instancetype") || m.contains("ml instance");
    }

    private static boolean isRoleProblem(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("role") && (m.contains("assume") || m.contains("arn") || m.contains("not authorized")
                || m.contains("does not exist"));
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
