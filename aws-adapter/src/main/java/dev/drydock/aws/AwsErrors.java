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
import java.util.Map;
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

    private static final Map<Integer, String> REASON_PHRASES = Map.ofEntries(Map.entry(100, "Continue"),
            Map.entry(101, "Switching Protocols"), Map.entry(102, "Processing"), Map.entry(103, "Early Hints"),
            Map.entry(300, "Multiple Choices"), Map.entry(302, "Found"), Map.entry(303, "See Other"),
            Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"), Map.entry(411, "Length Required"), Map.entry(412, "Precondition Failed"),
            Map.entry(413, "Content Too Large"), Map.entry(416, "Range Not Satisfiable"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

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
            return new ThrottledException("AWS asked to slow down while " + action + codeNote(code) + ": " + message
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
            return new AccessDeniedException("access denied while " + action + codeNote(code) + ": " + message
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
            return new DrydockException(ErrorCode.INVALID_INPUT, "AWS refused the request while " + action + codeNote(code)
                    + ": " + message, e, false);
        }
        return unexpectedStatus(e, action, code, status);
    }

    /**
     * An answer none of the cases above knows, as one sentence: who answered, while doing what, the status with its
     * reason phrase and the error code when there is one, the service's message when it sent one, and what to do.
     */
    private static DrydockException unexpectedStatus(AwsServiceException e, String action, String code, int status) {
        String service = serviceName(e);
        String said = detail(e);
        // For an answer without a body the SDK takes the reason phrase as the message: it adds nothing to the status.
        String detail = said.isEmpty() || said.equalsIgnoreCase(REASON_PHRASES.get(status)) ? "" : ": " + said;
        String statusText = statusText(status);
        String withCode = code.isEmpty() ? statusText : statusText + ", " + code;
        if (status >= 500 || e.isClockSkewException()) {
            return new BackendUnavailableException(service + " failed on its side while " + action + " (" + withCode
                    + ")" + detail + "; such faults usually pass: try again later", e);
        }
        if (status == 408) {
            return new BackendUnavailableException(service + " stopped waiting for the request while " + action + " ("
                    + withCode + ")" + detail + "; try again, and on a slow network give the HTTP client longer"
                    + " timeouts with AwsBackend.builder().clientCustomizer(..)", e);
        }
        if (status >= 100 && status < 200) {
            return new BackendUnavailableException(service + " gave " + statusText.replaceFirst("^HTTP (\\d+) (.+)$",
                    "HTTP status $1 ($2)") + " as its final answer while " + action + ", which no " + service
                    + " operation returns: a server or proxy that mishandles 'Expect: 100-continue' does this; try again,"
                    + " or turn the header off for that endpoint with AwsBackend.builder().clientCustomizer(..)"
                    + " (expectContinueEnabled(false) on the HTTP client)", e);
        }
        if (status >= 300 && status < 400) {
            return new BackendUnavailableException(service + " redirected the request while " + action + " (" + withCode
                    + ")" + detail + "; a bucket created moments ago answers so for a while: try again, or set the"
                    + " bucket's own region", e);
        }
        return new DrydockException(ErrorCode.INTERNAL, service + " refused " + action + " with " + statusText
                + (code.isEmpty() ? "" : " (" + code + ")") + detail, e, false);
    }

    /** {@code HTTP 503 Service Unavailable}, or {@code HTTP 599} for a status without a known reason phrase. */
    static String statusText(int status) {
        String phrase = REASON_PHRASES.get(status);
        return "HTTP " + status + (phrase == null ? "" : " " + phrase);
    }

    /** The service that answered, as the SDK names it ({@code S3}, {@code SageMaker}), or {@code AWS}. */
    private static String serviceName(AwsServiceException e) {
        String name = e.awsErrorDetails() == null ? null : e.awsErrorDetails().serviceName();
        return name == null || name.isBlank() ? "AWS" : name;
    }

    /**
     * The service's own words, or an empty string when it sent none: the SDK's fallback message ("Service returned
     * HTTP status code 500 (Service: S3, ...)") only repeats what the sentence already says.
     */
    private static String detail(AwsServiceException e) {
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return message == null || message.isBlank() ? "" : message.strip();
    }

    /** {@code " (Code)"}, or nothing when the service sent no error code. */
    private static String codeNote(String code) {
        return code.isEmpty() ? "" : " (" + code + ")";
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
