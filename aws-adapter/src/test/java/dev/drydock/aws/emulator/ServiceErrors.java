package dev.drydock.aws.emulator;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** The errors SageMaker and CloudWatch Logs answer with, as the SDK surfaces them (code, message, HTTP 400). */
final class ServiceErrors {
    private ServiceErrors() {
    }

    /** SageMaker's {@code ValidationException}, also its answer for an unknown job. */
    static SageMakerException validation(String message) {
        return sageMaker("ValidationException", message);
    }

    /** SageMaker's answer to a create whose name is taken. */
    static SageMakerException resourceInUse(String arn) {
        return sageMaker("ResourceInUse", "Training job names must be unique within an AWS account and region, and a"
                + " training job with this name already exists (" + arn + ")");
    }

    /** SageMaker's answer for an unknown job. */
    static SageMakerException notFound() {
        return validation("Requested resource not found.");
    }

    /** CloudWatch Logs' answer for a missing group or stream. */
    static ResourceNotFoundException logsNotFound(String message) {
        return (ResourceNotFoundException) ResourceNotFoundException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException").errorMessage(message)
                        .serviceName("CloudWatchLogs").build())
                .statusCode(400).message(message).build();
    }

    private static SageMakerException sageMaker(String code, String message) {
        return (SageMakerException) SageMakerException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("SageMaker").build())
                .statusCode(400).message(message).build();
    }
}
