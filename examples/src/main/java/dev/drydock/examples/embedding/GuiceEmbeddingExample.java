package dev.drydock.examples.embedding;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.drydock.aws.AwsBackend;
import dev.drydock.aws.AwsBackendModule;
import dev.drydock.core.Drydock;
import dev.drydock.core.ImageSource;
import dev.drydock.core.PollPolicy;
import dev.drydock.core.TrainedModel;
import dev.drydock.core.model.ImageReference;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.ArtifactStore;
import dev.drydock.core.port.ImageRegistry;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.examples.houseprices.BundledData;
import dev.drydock.examples.houseprices.TrainerProcess;
import dev.drydock.local.LocalBackend;
import dev.drydock.local.LocalBackendModule;
import dev.drydock.trainer.predict.Predictor;

import java.util.Properties;

/**
 * drydock embedded in an application with Guice: the application's configuration picks the backend module, the
 * application's own module builds {@link Drydock} from the four ports, and the service gets it injected.
 *
 * <p>Run: {@code java -cp examples/target/drydock.jar dev.drydock.examples.embedding.GuiceEmbeddingExample
 * [drydock.backend=local|sagemaker ...]} (each argument a {@code key=value} of {@link AppConfig}).
 */
public final class GuiceEmbeddingExample {
    private GuiceEmbeddingExample() {
    }

    /** Runs the example; arguments are {@code key=value} properties. */
    public static void main(String[] args) throws Exception {
        AppConfig config = AppConfig.from(properties(args));
        TrainedModel model = run(config);
        System.out.println("model in " + model.modelDirectory());
    }

    /** Wires the application and retrains once. */
    public static TrainedModel run(AppConfig config) throws Exception {
        // tag::guice[]
        Injector injector = Guice.createInjector(backendModule(config), new ApplicationModule(config));
        PriceModelService service = injector.getInstance(PriceModelService.class);
        // end::guice[]
        TrainedModel model = service.retrain(trainData(config), image(config));
        try (Predictor predictor = Predictor.load(model.modelDirectory())) {
            System.out.println("model loaded; preprocessing: " + predictor.preprocessing().getClass().getSimpleName());
        }
        System.out.println("events: " + service.events() + ", log lines: " + service.logLines());
        injector.getInstance(Drydock.class).close();
        return model;
    }

    /** The backend's module, chosen by configuration alone. */
    static com.google.inject.Module backendModule(AppConfig config) {
        if (config.onSageMaker()) {
            AwsBackend.Builder aws = AwsBackend.builder().bucket(config.bucket()).roleArn(config.roleArn()).createMissingRepositories(true);
            if (config.region() != null) {
                aws.region(config.region());
            }
            return new AwsBackendModule(aws);
        }
        return new LocalBackendModule(LocalBackend.builder()
                .jobRoot(config.home().resolve("jobs"))
                .trainerCommand(TrainerProcess.command()));
    }

    static ImageSource image(AppConfig config) {
        ImageSource local = ImageSource.existing("drydock/trainer:latest");
        return config.onSageMaker() ? local.pushTo(new ImageReference(null, "drydock-trainer", "latest", null)) : local;
    }

    static java.nio.file.Path trainData(AppConfig config) {
        if (java.nio.file.Files.isRegularFile(config.trainCsv())) {
            return config.trainCsv();
        }
        return BundledData.extractTo(config.home().resolve("data")).resolve("train.csv");
    }

    static Properties properties(String[] args) {
        Properties p = new Properties();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("arguments are key=value properties, got '" + arg + "'");
            }
            p.setProperty(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return p;
    }

    /** The application's own wiring: {@link Drydock} from whichever ports the backend module bound. */
    static final class ApplicationModule extends AbstractModule {
        private final AppConfig config;

        ApplicationModule(AppConfig config) {
            this.config = config;
        }

        @Provides
        @Singleton
        Drydock drydock(ImageRegistry registry, Storage storage, TrainingBackend backend, ArtifactStore artifacts,
                        com.google.inject.Injector injector) {
            StorageUri staging = config.onSageMaker()
                    ? injector.getInstance(AwsBackend.class).location("drydock/")
                    : StorageUri.of(mkdirs(config.home().resolve("storage"))).asPrefix();
            return Drydock.builder().imageRegistry(registry).storage(storage).trainingBackend(backend).artifactStore(artifacts)
                    .stagingPrefix(staging).workDirectory(config.home().resolve("models"))
                    .pollPolicy(config.onSageMaker() ? PollPolicy.cloud() : PollPolicy.local())
                    .build();
        }

        private static java.nio.file.Path mkdirs(java.nio.file.Path dir) {
            try {
                return java.nio.file.Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
