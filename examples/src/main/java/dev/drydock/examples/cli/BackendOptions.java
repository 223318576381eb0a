package dev.drydock.examples.cli;

import dev.drydock.core.BackendSettings;
import dev.drydock.core.Backends;
import dev.drydock.core.Drydock;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The options every command shares: which backend, and its settings. Each option is a backend setting of the same
 * name ({@code --docker-host} is {@code docker-host}); {@code DRYDOCK_*} variables and a {@code --settings} file fill
 * the same settings, and an option given on the command line wins. Which backend takes which setting is the
 * backend's own business: the CLI knows none of them.
 */
public final class BackendOptions {

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "${env:DRYDOCK_BACKEND:-process}",
            description = "Where jobs run: process (a child JVM, no Docker; the default), docker (the real image in a local"
                    + " container) or sagemaker (AWS). Env: DRYDOCK_BACKEND.")
    String backend;

    @Option(names = "--docker", description = "Shorthand for --backend docker.")
    boolean docker;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "A properties file of backend settings (backend=docker, home=..., bucket=...); options win over it.")
    Path settingsFile;

    @Option(names = "--home", paramLabel = "DIR", defaultValue = "${env:DRYDOCK_HOME:-drydock-out}",
            description = "Local folder for jobs, storage and extracted models (default: ${DEFAULT-VALUE}). Env: DRYDOCK_HOME.")
    Path home;

    @Option(names = "--docker-host", paramLabel = "URI",
            description = "The Docker daemon (docker backend), e.g. unix:///var/run/docker.sock. Default: DOCKER_HOST or the local socket.")
    String dockerHost;

    @Option(names = "--memory", paramLabel = "SIZE",
            description = "Memory limit of each training container (docker backend), e.g. 2g, as the instance type would"
                    + " impose; exceeding it fails the job with an out-of-memory reason. Default: none.")
    String memoryLimit;

    @Option(names = "--trainer-heap", paramLabel = "SIZE",
            description = "The trainer JVM's heap (-Xmx) on the local backends, e.g. 4g; the hyperparameter java_heap wins"
                    + " over it. Default: the JVM's default. Env: DRYDOCK_TRAINER_HEAP.")
    String trainerHeap;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region (sagemaker backend). Default: the AWS default chain (AWS_REGION, profile).")
    String region;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "AWS credentials profile (sagemaker backend). Default: the AWS default chain (AWS_PROFILE).")
    String profile;

    @Option(names = "--bucket", paramLabel = "BUCKET",
            description = "S3 bucket for inputs and models (sagemaker backend). Env: DRYDOCK_BUCKET.")
    String bucket;

    @Option(names = "--role", paramLabel = "ARN",
            description = "SageMaker execution role ARN (sagemaker backend). Env: DRYDOCK_ROLE_ARN.")
    String roleArn;

    @Option(names = "--ecr-repository", paramLabel = "NAME",
            description = "ECR repository the training image is pushed to (sagemaker backend; default: drydock-trainer)."
                    + " Env: DRYDOCK_ECR_REPOSITORY.")
    String ecrRepository;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "One endpoint for every AWS service, e.g. an emulator at http://127.0.0.1:4566 (sagemaker backend)."
                    + " Env: DRYDOCK_ENDPOINT_URL; without it the AWS SDK's AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> apply.")
    String endpointUrl;

    @Option(names = "--path-style", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "S3 path-style addressing, as most emulators need (sagemaker backend). Env: DRYDOCK_PATH_STYLE.")
    String pathStyle;

    /** The backend's name, {@code --docker} winning over {@code --backend}. */
    public String backendName() {
        return docker ? "docker" : backend;
    }

    /** The local home folder, absolute. */
    public Path home() {
        return home.toAbsolutePath().normalize();
    }

    /** A {@link Drydock} on the chosen backend, which it closes: the CLI's whole wiring. */
    public Drydock open() {
        return Drydock.named(backendName(), settings());
    }

    /** The backend settings: the environment's, then the settings file's, then the options given. */
    BackendSettings settings() {
        BackendSettings s = BackendSettings.fromEnvironment().without(Backends.BACKEND_KEY);
        if (settingsFile != null) {
            s = s.overriddenBy(BackendSettings.load(settingsFile).without(Backends.BACKEND_KEY));
        }
        return s.overriddenBy(BackendSettings.empty()
                .with("home", home().toString(), "--home")
                .with("docker-host", dockerHost, "--docker-host")
                .with("memory", memoryLimit, "--memory")
                .with("trainer-heap", trainerHeap, "--trainer-heap")
                .with("region", region, "--region")
                .with("profile", profile, "--profile")
                .with("bucket", bucket, "--bucket")
                .with("role-arn", roleArn, "--role")
                .with("ecr-repository", ecrRepository, "--ecr-repository")
                .with("endpoint-url", endpointUrl, "--endpoint-url")
                .with("path-style", pathStyle, "--path-style"));
    }
}
