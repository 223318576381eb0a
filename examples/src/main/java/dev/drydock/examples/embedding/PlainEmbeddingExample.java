package dev.drydock.examples.embedding;

import dev.drydock.core.Drydock;
import dev.drydock.core.ImageSource;
import dev.drydock.core.TrainedModel;

/**
 * The same application without Guice: the backend is chosen by the application's configuration, in one line.
 *
 * <p>Run: {@code java -cp examples/target/drydock.jar dev.drydock.examples.embedding.PlainEmbeddingExample [key=value ...]}.
 */
public final class PlainEmbeddingExample {
    private PlainEmbeddingExample() {
    }

    /** Runs the example; arguments are {@code key=value} properties of {@link AppConfig}. */
    public static void main(String[] args) throws Exception {
        TrainedModel model = run(AppConfig.from(GuiceEmbeddingExample.properties(args)));
        System.out.println("model in " + model.modelDirectory());
    }

    /** Builds drydock from the configuration and retrains once. */
    public static TrainedModel run(AppConfig config) throws Exception {
        // tag::plain[]
        try (Drydock drydock = Drydock.fromSettings(config.drydock())) {
            PriceModelService service = new PriceModelService(drydock);
            return service.retrain(GuiceEmbeddingExample.trainData(config), ImageSource.existing("drydock/trainer:latest"));
        }
        // end::plain[]
    }
}
