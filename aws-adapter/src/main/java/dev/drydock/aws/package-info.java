/**
 * The drydock ports on AWS: {@link dev.drydock.aws.S3Storage} and {@link dev.drydock.aws.S3ArtifactStore} on S3,
 * {@link dev.drydock.aws.SageMakerTrainingBackend} on SageMaker with CloudWatch Logs,
 * {@link dev.drydock.aws.EcrImageRegistry} on ECR, wired by {@link dev.drydock.aws.AwsBackend} (plain builder) or
 * {@link dev.drydock.aws.AwsBackendModule} (Guice). AWS SDK exceptions are translated into drydock's error hierarchy
 * at this boundary by {@link dev.drydock.aws.AwsErrors}; retries and rate limits live in
 * {@link dev.drydock.aws.ResilientTrainingBackend}.
 */
package dev.drydock.aws;
