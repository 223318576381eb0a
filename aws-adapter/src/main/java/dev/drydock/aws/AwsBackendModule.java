package dev.drydock.aws;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.drydock.core.Backend;
import dev.drydock.guice.DrydockModule;

import java.util.Objects;

/**
 * Guice module for the AWS backend configured in code: binds {@link Backend} (and through {@link DrydockModule}
 * its four ports and a {@link dev.drydock.core.Drydock}) to the {@link AwsBackend} that {@code builder} makes, and
 * {@link AwsBackend} itself, so that an application can close it on shutdown.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new AwsBackendModule(AwsBackend.builder().region("eu-west-1")
 *         .roleArn("arn:aws:iam::123456789012:role/SageMakerExecution").bucket("my-ml-bucket")));
 * }</pre>
 *
 * <p>To choose the backend by configuration instead, install {@link DrydockModule#fromSettings} alone.
 */
public final class AwsBackendModule extends AbstractModule {
    private final AwsBackend.Builder builder;

    /** A module that builds its backend from {@code builder} when first needed. */
    public AwsBackendModule(AwsBackend.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    @Override
    protected void configure() {
        install(DrydockModule.of(builder::build));
    }

    @Provides
    @Singleton
    AwsBackend awsBackend(Backend backend) {
        return (AwsBackend) backend;
    }
}
