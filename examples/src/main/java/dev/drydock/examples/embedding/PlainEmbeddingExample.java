package dev.drydock.examples.embedding;

import dev.drydock.core.Drydock;
import dev.drydock.core.ImageSource;
import dev.drydock.core.TrainedModel;
import dev.drydock.core.model.StorageUri;
import dev.drydock.examples.houseprices.TrainerProcess;
import dev.drydock.local.LocalBackend;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The same application without Guice: the local backend's builder makes the ports, {@link Drydock#builder()} the
 * facade.
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

    /** Builds drydock by hand and retrains once. */
    public static TrainedModel run(AppConfig config) throws Exception {
        // tag::plain[]
        LocalBackend local = LocalBackend.builder()
                .jobRoot(config.home().resolve("jobs"))
                .trainerCommand(TrainerProcess.command())
                .build();
        Path storage = Files.createDirectories(config.home().resolve("storage"));
        try (Drydock drydock = Drydock.builder()
                .imageRegistry(local.imageRegistry())
                .storage(local.storage())
                .trainingBackend(local.trainingBackend())
                .artifactStore(local.artifactStore())
                .stagingPrefix(StorageUri.of(storage))
                .workDirectory(config.home().resolve("models"))
                .build()) {
            PriceModelService service = new PriceModelService(drydock);
            return service.retrain(GuiceEmbeddingExample.trainData(config), ImageSource.existing("drydock/trainer:latest"));
        }
        // end::plain[]
    }
}
