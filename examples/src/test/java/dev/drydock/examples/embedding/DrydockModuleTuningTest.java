package dev.drydock.examples.embedding;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.drydock.aws.ResilientTuningBackend;
import dev.drydock.core.Backend;
import dev.drydock.core.BackendSettings;
import dev.drydock.core.tuning.LocalTuningBackend;
import dev.drydock.core.tuning.TuningBackend;
import dev.drydock.guice.DrydockModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The Guice module binds the tuning backend of the backend that configuration names, once per injector. */
class DrydockModuleTuningTest {
    @TempDir
    Path home;

    @Test
    void tuningBackend_whenProcessBackendConfigured_isLocalTuningOnceForTheInjector() throws Exception {
        Injector injector = Guice.createInjector(DrydockModule.fromSettings(
                BackendSettings.of("backend", "process", "home", home.toString())));
        try (Backend backend = injector.getInstance(Backend.class)) {
            TuningBackend tuning = injector.getInstance(TuningBackend.class);

            assertThat(tuning).isInstanceOf(LocalTuningBackend.class).isSameAs(injector.getInstance(TuningBackend.class));
            assertThat(tuning.name()).isNotBlank();
        }
    }

    @Test
    void tuningBackend_whenSageMakerConfigured_isSageMakerAutomaticModelTuning() throws Exception {
        // Nothing is called on AWS: clients are made, no request is sent (the endpoint is a closed local port).
        Injector injector = Guice.createInjector(DrydockModule.fromSettings(BackendSettings.of("backend", "sagemaker",
                "region", "eu-west-1", "bucket", "my-bucket", "role-arn", "arn:aws:iam::123456789012:role/SageMaker",
                "endpoint-url", "http://127.0.0.1:9", "home", home.toString())));
        try (Backend backend = injector.getInstance(Backend.class)) {
            assertThat(injector.getInstance(TuningBackend.class)).isInstanceOf(ResilientTuningBackend.class)
                    .isSameAs(backend.tuningBackend());
        }
    }
}
