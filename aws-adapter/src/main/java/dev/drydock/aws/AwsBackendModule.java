package dev.drydock.aws;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.drydock.core.port.ArtifactStore;
import dev.drydock.core.port.ImageRegistry;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;

import java.util.Objects;

/**
 * Guice module that binds the four ports to the AWS backend: {@link Storage} and {@link ArtifactStore} on S3,
 * {@link TrainingBackend} on SageMaker (with retries and rate limits), {@link ImageRegistry} on ECR.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new AwsBackendModule(AwsBackend.builder().region("eu-west-1")
 *         .roleArn("arn:aws:iam::123456789012:role/SageMakerExecution").bucket("my-ml-bucket")));
 * }</pre>
 *
 * <p>The {@link AwsBackend} itself is bound too, so that an application can close it on shutdown.
 */
public final class AwsBackendModule extends AbstractModule {
    private final AwsBackend.Builder builder;

    /** A module that builds its backend from {@code builder} when first needed. */
    public AwsBackendModule(AwsBackend.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    @Provides
    @Singleton
    AwsBackend awsBackend() {
        return builder.build();
    }

    @Provides
    @Singleton
    Storage storage(AwsBackend aws) {
        return aws.storage();
    }

    @Provides
    @Singleton
    ArtifactStore artifactStore(AwsBackend aws) {
        return aws.artifactStore();
    }

    @Provides
    @Singleton
    TrainingBackend trainingBackend(AwsBackend aws) {
        return aws.trainingBackend();
    }

    @Provides
    @Singleton
    ImageRegistry imageRegistry(AwsBackend aws) {
        return aws.imageRegistry();
    }
}
