package dev.drydock.examples.embedding;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.drydock.core.Backend;
import dev.drydock.core.ImageSource;
import dev.drydock.core.TrainedModel;
import dev.drydock.examples.houseprices.BundledData;
import dev.drydock.guice.DrydockModule;
import dev.drydock.trainer.predict.Predictor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * drydock embedded in an application with Guice: {@link DrydockModule} binds the backend the configuration names,
 * and the service gets {@link dev.drydock.core.Drydock} injected.
 *
 * <p>Run: {@code java -cp examples/target/drydock.jar dev.drydock.examples.embedding.GuiceEmbeddingExample
 * [drydock.backend=process|docker|sagemaker drydock.bucket=... ...]} (each argument a {@code key=value} of
 * {@link AppConfig}).
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
        Injector injector = Guice.createInjector(DrydockModule.fromSettings(config.drydock()));
        PriceModelService service = injector.getInstance(PriceModelService.class);
        // end::guice[]
        try (Backend backend = injector.getInstance(Backend.class)) {
            TrainedModel model = service.retrain(trainData(config), ImageSource.existing("drydock/trainer:latest"));
            try (Predictor predictor = Predictor.load(model.modelDirectory())) {
                System.out.println("model loaded; preprocessing: " + predictor.preprocessing().getClass().getSimpleName());
            }
            System.out.println("events: " + service.events() + ", log lines: " + service.logLines());
            return model;
        }
    }

    static Path trainData(AppConfig config) {
        if (Files.isRegularFile(config.trainCsv())) {
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
}
