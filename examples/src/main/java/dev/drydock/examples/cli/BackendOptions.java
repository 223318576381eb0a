package dev.drydock.examples.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command shares: which backend, and where its state lives. */
public final class BackendOptions {

    @Option(names = "--backend", paramLabel = "KIND", defaultValue = "${env:DRYDOCK_BACKEND:-process}",
            description = "Where jobs run: process (a child JVM, no Docker; the default), docker (the real image in a local"
                    + " container) or sagemaker (AWS). Env: DRYDOCK_BACKEND.",
            converter = BackendKindConverter.class)
    BackendKind backend = BackendKind.PROCESS;

    @Option(names = "--docker", description = "Shorthand for --backend docker.")
    boolean docker;

    @Option(names = "--home", paramLabel = "DIR", defaultValue = "${env:DRYDOCK_HOME:-drydock-out}",
            description = "Local folder for jobs, storage and extracted models (default: ${DEFAULT-VALUE}). Env: DRYDOCK_HOME.")
    Path home;

    @Option(names = "--docker-host", paramLabel = "URI", defaultValue = "${env:DOCKER_HOST}",
            description = "The Docker daemon (docker backend), e.g. unix:///var/run/docker.sock. Default: DOCKER_HOST or the local socket.")
    String dockerHost;

    @Option(names = "--memory", paramLabel = "SIZE",
            description = "Memory limit of each training container (docker backend), e.g. 2g, as the instance type would"
                    + " impose; exceeding it fails the job with an out-of-memory reason. Default: none.")
    String memoryLimit;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "${env:AWS_REGION}",
            description = "AWS region (sagemaker backend). Default: the AWS default chain (AWS_REGION, profile).")
    String region;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "${env:AWS_PROFILE}",
            description = "AWS credentials profile (sagemaker backend). Default: the AWS default chain.")
    String profile;

    @Option(names = "--bucket", paramLabel = "BUCKET", defaultValue = "${env:DRYDOCK_BUCKET}",
            description = "S3 bucket for inputs and models (sagemaker backend). Env: DRYDOCK_BUCKET.")
    String bucket;

    @Option(names = "--role", paramLabel = "ARN", defaultValue = "${env:DRYDOCK_ROLE_ARN}",
            description = "SageMaker execution role ARN (sagemaker backend). Env: DRYDOCK_ROLE_ARN.")
    String roleArn;

    @Option(names = "--ecr-repository", paramLabel = "NAME", defaultValue = "${env:DRYDOCK_ECR_REPOSITORY:-drydock-trainer}",
            description = "ECR repository the training image is pushed to (sagemaker backend; default: ${DEFAULT-VALUE}).")
    String ecrRepository;

    /** The backend chosen, with {@code --docker} taking precedence. */
    public BackendKind kind() {
        return docker ? BackendKind.DOCKER : backend;
    }

    /** The local home folder, absolute. */
    public Path home() {
        return home.toAbsolutePath().normalize();
    }
}
