package dev.drydock.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.Locale;

/**
 * What SageMaker's error answers mean, the same for training and tuning jobs: SageMaker reports some of these as
 * their own codes and others only as a {@code ValidationException} whose message says it.
 */
final class SageMakerErrors {
    private SageMakerErrors() {
    }

    /** Whether a create failed because a job of that name exists. */
    static boolean isNameTaken(AwsServiceException e) {
        String code = AwsErrors.errorCode(e);
        String message = AwsErrors.serviceMessage(e).toLowerCase(Locale.ROOT);
        return "ResourceInUse".equals(code) || "ResourceInUseException".equals(code)
                || ("ValidationException".equals(code) && message.contains("already exists"));
    }

    /** Whether the job named does not exist. */
    static boolean isNotFound(AwsServiceException e) {
        String code = AwsErrors.errorCode(e);
        String message = AwsErrors.serviceMessage(e).toLowerCase(Locale.ROOT);
        return "ResourceNotFound".equals(code) || "ResourceNotFoundException".equals(code)
                || ("ValidationException".equals(code) && (message.contains("not found") || message.contains("could not find")));
    }

    /** Whether a stop was refused because the job has ended (or is stopping) already. */
    static boolean isAlreadyEnded(AwsServiceException e) {
        String message = AwsErrors.serviceMessage(e).toLowerCase(Locale.ROOT);
        return "ValidationException".equals(AwsErrors.errorCode(e)) && message.contains("status")
                && (message.contains("completed") || message.contains("failed") || message.contains("stopped")
                || message.contains("stopping"));
    }
}
