package dev.drydock.examples.embedding;

import dev.drydock.contract.MetricLine;
import dev.drydock.core.Drydock;
import dev.drydock.core.ImageSource;
import dev.drydock.core.JobListener;
import dev.drydock.core.TrainedModel;
import dev.drydock.core.TrainingJob;
import dev.drydock.core.TrainingRequest;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobOutcome;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.StatusTransition;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application service that retrains its house-price model with drydock. It sees only {@link Drydock}: the
 * backend behind it is the wiring's business (Guice in {@link GuiceEmbeddingExample}, plain code in
 * {@link PlainEmbeddingExample}).
 */
public final class PriceModelService {
    private final Drydock drydock;
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger logLines = new AtomicInteger();

    /** The service on {@code drydock}. */
    @Inject
    public PriceModelService(Drydock drydock) {
        this.drydock = drydock;
    }

    /** Trains a small model on {@code trainCsv} and returns it, reacting to the job's events on the way. */
    public TrainedModel retrain(Path trainCsv, ImageSource image) {
        // tag::submit[]
        TrainingRequest request = TrainingRequest.builder()
                .image(image)
                .baseJobName("price-model")
                .input("training", trainCsv, "text/csv")
                .spec(spec -> spec
                        .hyperparameter("strategy", "random")
                        .hyperparameter("max_trials", 2)
                        .hyperparameter("folds", 2)
                        .hyperparameter("n_estimators", List.of(100))
                        .metric("cv_rmsle", MetricLine.regexFor("cv_rmsle"))
                        .maxRuntime(Duration.ofMinutes(30)))
                .build();
        TrainingJob job = drydock.submit(request, new JobListener() {
            @Override
            public void onStatusTransition(JobDescription job, StatusTransition transition) {
                events.add(transition.status().wireName());
            }

            @Override
            public void onLog(LogEvent event) {
                logLines.incrementAndGet();
            }

            @Override
            public void onEnded(JobOutcome outcome) {
                events.add("ended " + outcome.getClass().getSimpleName());
            }
        });
        job.await(Duration.ofMinutes(30));
        TrainedModel model = job.trainedModel();
        // end::submit[]
        return model;
    }

    /** The secondary statuses and the ending this service saw. */
    public List<String> events() {
        return List.copyOf(events);
    }

    /** How many log lines this service saw. */
    public int logLines() {
        return logLines.get();
    }
}
