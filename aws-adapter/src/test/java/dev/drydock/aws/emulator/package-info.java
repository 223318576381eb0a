/**
 * A SageMaker and CloudWatch Logs emulator for tests: SDK clients ({@link dev.drydock.aws.emulator.SageMakerEmulator},
 * {@link dev.drydock.aws.emulator.EmulatedCloudWatchLogs}) that run each training job for real on drydock's local
 * engine, so that {@code SageMakerTrainingBackend} passes the testkit's {@code TrainingBackendContractTest} with real
 * containers (child processes), real S3 (S3Mock) and a round trip through the real SDK request and response models.
 * A test double only: it is no part of the product.
 */
package dev.drydock.aws.emulator;
