package dev.drydock.testkit.tuning;

import dev.drydock.core.Drydock;
import dev.drydock.core.ImageSource;
import dev.drydock.core.PollPolicy;
import dev.drydock.core.TrainedModel;
import dev.drydock.core.TrainingRequest;
import dev.drydock.core.TuningJob;
import dev.drydock.core.TuningListener;
import dev.drydock.core.TuningRequest;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.JobTimeoutException;
import dev.drydock.core.error.Violation;
import dev.drydock.core.model.ImageReference;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.tuning.ScalingType;
import dev.drydock.core.tuning.TrialSummary;
import dev.drydock.core.tuning.TuningJobDescription;
import dev.drydock.core.tuning.TuningJobStatus;
import dev.drydock.core.tuning.TuningStrategy;
import dev.drydock.testkit.FakeTrainingBackend;
import dev.drydock.testkit.InMemoryArtifactStore;
import dev.drydock.testkit.InMemoryImageRegistry;
import dev.drydock.testkit.InMemoryStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link Drydock#tune} end to end over the in-memory fakes. */
class DrydockTuneTest {
    private static final ImageReference IMAGE = ImageReference.parse("drydock/curve:1");
    @TempDir
    Path tmp;
    private final InMemoryStorage storage = new InMemoryStorage();
    private FakeTrainingBackend backend;
    private Drydock drydock;

    @AfterEach
    void close() {
        if (drydock != null) {
            drydock.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    private Drydock drydock(CurveTrainer trainer) {
        InMemoryImageRegistry registry = new InMemoryImageRegistry();
        registry.add(IMAGE);
        backend = FakeTrainingBackend.builder().storage(storage).program(trainer).stopGracePeriod(Duration.ofMillis(500)).build();
        drydock = Drydock.builder().imageRegistry(registry).storage(storage).trainingBackend(backend)
                .artifactStore(new InMemoryArtifactStore(storage)).stagingPrefix(StorageUri.parse("s3://drydock-test/staging/"))
                .workDirectory(tmp.resolve("work")).pollPolicy(new PollPolicy(Duration.ofMillis(20), Duration.ofMillis(100), 1.5, 0.1))
                .build();
        return drydock;
    }

    private TuningRequest request(String name, int trials) throws Exception {
        Path csv = Files.writeString(tmp.resolve("train.csv"), "x,y\n1,2\n");
        TrainingRequest training = TrainingRequest.builder().image(ImageSource.existing(IMAGE)).input("train", csv, "text/csv")
                .spec(s -> s.metric(CurveTrainer.METRIC, CurveTrainer.REGEX).hyperparameter("epochs", 3)).build();
        return TuningRequest.builder().training(training).tuning(t -> t.name(name).strategy(TuningStrategy.RANDOM)
                .minimize(CurveTrainer.METRIC).continuous("x", 0, 1, ScalingType.LINEAR).maxTrainingJobs(trials)
                .maxParallelTrainingJobs(2).randomSeed(3)).build();
    }

    @Test
    void tune_runsTrials_reportsThemToTheListener_andGivesTheBestModel() throws Exception {
        Drydock drydock = drydock(new CurveTrainer(LocalTuningBackendTest::bowl, 3, 20));
        List<String> events = new CopyOnWriteArrayList<>();
        TuningJob job = drydock.tune(request("facade", 4), new TuningListener() {
            @Override
            public void onTrialStarted(TrialSummary trial) {
                events.add("start " + trial.number());
            }

            @Override
            public void onObjective(TrialSummary trial, double value) {
                events.add("objective " + trial.number());
            }

            @Override
            public void onTrialEnded(TrialSummary trial, TuningJobDescription job) {
                events.add("end " + trial.number());
            }

            @Override
            public void onEnded(TuningJobDescription job) {
                events.add("done " + job.status().wireName());
            }
        });
        TuningJobDescription done = job.await(Duration.ofSeconds(60));
        assertThat(done.status()).isEqualTo(TuningJobStatus.COMPLETED);
        assertThat(done.trials()).hasSize(4);
        for (int n = 1; n <= 4; n++) {
            assertThat(events).contains("start " + n, "end " + n);
            assertThat(events.indexOf("start " + n)).isLessThan(events.indexOf("end " + n));
        }
        assertThat(events.stream().filter(e -> e.startsWith("objective"))).hasSize(12);
        assertThat(events.get(events.size() - 1)).isEqualTo("done Completed");

        TrialSummary best = job.bestTrial().orElseThrow();
        TrainedModel model = job.bestModel();
        assertThat(model.description().name()).isEqualTo(best.name());
        String text = Files.readString(model.modelDirectory().resolve("model.txt"));
        assertThat(text).contains("x=" + best.tunedHyperparameters().get("x")).contains("epochs=3");
        // the inputs were staged once, under the tuning job's name
        assertThat(storage.list(StorageUri.parse("s3://drydock-test/staging/facade/input/train/"))).hasSize(1);
        assertThat(drydock.describeTuning("facade").trials()).hasSize(4);
        assertThat(drydock.stopTuning("facade")).isFalse();

        Path report = job.writeReport();
        assertThat(report).isEqualTo(tmp.resolve("work/facade/output/tuning-report.html").toAbsolutePath());
        String page = Files.readString(report);
        for (TrialSummary trial : done.trials()) {
            assertThat(page).contains("data-trial=\"" + trial.name() + "\"");
        }
    }

    @Test
    void tune_awaitTimesOut_thenStopEndsIt() throws Exception {
        Drydock drydock = drydock(new CurveTrainer(LocalTuningBackendTest::bowl, 100, 100));
        TuningJob job = drydock.tune(request("slow", 4));
        assertThatThrownBy(() -> job.await(Duration.ofMillis(300))).isInstanceOf(JobTimeoutException.class);
        job.stop();
        TuningJobDescription done = job.await(Duration.ofSeconds(30));
        assertThat(done.status()).isEqualTo(TuningJobStatus.STOPPED);
        TuningJob attached = drydock.attachTuning("slow", TuningListener.none());
        assertThat(attached.await(Duration.ofSeconds(5)).trials()).hasSize(done.trials().size());
    }

    @Test
    void tune_badRequest_listsEveryProblemAndStartsNothing() throws Exception {
        Drydock drydock = drydock(new CurveTrainer(LocalTuningBackendTest::bowl, 1, 10));
        Path csv = Files.writeString(tmp.resolve("t.csv"), "x\n");
        TrainingRequest training = TrainingRequest.builder().image(ImageSource.existing(IMAGE)).jobName("fixed")
                .input("train", csv).spec(s -> s.metric(CurveTrainer.METRIC, CurveTrainer.REGEX)).build();
        TuningRequest bad = TuningRequest.builder().training(training).tuning(t -> t.name("bad").minimize("nope")
                .continuous("x", 1, 0, ScalingType.LINEAR).maxTrainingJobs(2)).build();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> drydock.tune(bad));
        assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("training.jobName",
                "parameterRanges[0].max", "objective.metricName");
        assertThat(storage.list(StorageUri.parse("s3://drydock-test/staging/"))).isEmpty();
        assertThat(backend.list(10)).isEmpty();
    }
}
