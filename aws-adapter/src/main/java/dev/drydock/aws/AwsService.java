package dev.drydock.aws;

/** The AWS services the adapter talks to; each may get its own endpoint override (LocalStack, S3-compatible servers). */
public enum AwsService {
    /** Amazon S3: datasets and model artifacts. */
    S3,
    /** Amazon SageMaker: training jobs. */
    SAGEMAKER,
    /** Amazon CloudWatch Logs: the training jobs' logs. */
    LOGS,
    /** Amazon ECR: training images. */
    ECR
}
