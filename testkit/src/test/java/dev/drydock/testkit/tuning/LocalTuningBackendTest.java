package dev.drydock.testkit.tuning;

import dev.drydock.core.error.JobAlreadyExistsException;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.tuning.CompletionCriteria;
import dev.drydock.core.tuning.EarlyStopping;
import dev.drydock.core.tuning.LocalTuningBackend;
import dev.drydock.core.tuning.ScalingType;
import dev.drydock.core.tuning.TrialSummary;
import dev.drydock.core.tuning.TuningJobDescription;
import dev.drydock.core.tuning.TuningJobName;
import dev.drydock.core.tuning.TuningJobNotFoundException;
import dev.drydock.core.tuning.TuningJobSpec;
import dev.drydock.core.tuning.TuningJobStatus;
import dev.drydock.core.tuning.TuningStrategy;
import dev.drydock.core.tuning.WarmStartType;
import dev.drydock.testkit.FakeTrainingBackend;
import dev.drydock.testkit.InMemoryStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalTuningBackendTest {
    @TempDir
    Path root;
    private FakeTrainingBackend training;

    /** (x - 0.3)^2: its best is at x = 0.3. */
    static double bowl(Map<String, String> p) {
        double x = Double.parseDouble(p.get("x"));
        return (x - 0.3) * (x - 0.3);
    }

    private LocalTuningBackend tuner(CurveTrainer trainer) {
        training = FakeTrainingBackend.builder().storage(new InMemoryStorage()).program(trainer)
                .stopGracePeriod(Duration.ofMillis(500)).build();
        return LocalTuningBackend.over(training, root).withPollInterval(Duration.ofMillis(20));
    }

    @AfterEach
    void close() {
        if (training != null) {
            training.close();
        }
    }

    static TrainingJobSpec template() {
        return TrainingJobSpec.builder().name("template").image("drydock/scripted:latest")
                .outputPath("s3://drydock-in-memory/models/").metric(CurveTrainer.METRIC, CurveTrainer.REGEX)
                .hyperparameter("epochs", 3).build();
    }

    static TuningJobSpec.Builder spec(String name) {
        return TuningJobSpec.builder().name(name).strategy(TuningStrategy.RANDOM).minimize(CurveTrainer.METRIC)
                .continuous("x", 0, 1, ScalingType.LINEAR).maxTrainingJobs(6).maxParallelTrainingJobs(2).randomSeed(11)
                .trainingTemplate(template());
    }

    static TuningJobDescription await(LocalTuningBackend tuner, TuningJobName name) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        TuningJobDescription d = tuner.describe(name);
        while (!d.status().isTerminal() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            d = tuner.describe(name);
        }
        assertThat(d.status().isTerminal()).as("ended in time: " + d).isTrue();
        return d;
    }

    @Test
    void random_runsEveryTrial_namedAsSageMakerDoes_neverMoreThanTheParallelLimit() throws Exception {
        CurveTrainer trainer = new CurveTrainer(LocalTuningBackendTest::bowl, 3, 40);
        LocalTuningBackend tuner = tuner(trainer);
        TuningJobDescription first = tuner.submit(spec("bowl").build());
        assertThat(first.status()).isEqualTo(TuningJobStatus.IN_PROGRESS);

        TuningJobDescription done = await(tuner, first.name());
        assertThat(done.status()).isEqualTo(TuningJobStatus.COMPLETED);
        assertThat(done.endReason()).isEqualTo("MaxNumberOfTrainingJobsReached");
        assertThat(done.trials()).hasSize(6).allSatisfy(t -> {
            assertThat(t.name().value()).matches("bowl-00[1-6]-[0-9a-f]{8}");
            assertThat(t.state()).isEqualTo(JobState.COMPLETED);
            // the objective is the last value the log reported: f + 1/3
            assertThat(t.objective()).isCloseTo(bowl(t.tunedHyperparameters()) + 1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(t.intermediateObjective()).hasSize(3);
        });
        assertThat(done.trials()).extracting(TrialSummary::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(trainer.maxRunning.get()).isEqualTo(2);
        assertThat(done.countsByState()).containsEntry(JobState.COMPLETED, 6).containsEntry(JobState.FAILED, 0);
        double best = done.trials().stream().mapToDouble(TrialSummary::objective).min().orElseThrow();
        assertThat(done.bestTrial().orElseThrow().objective()).isEqualTo(best);
        // the trial's training job carries the tuned and the static hyperparameters
        TrialSummary trial = done.trials().get(0);
        assertThat(training.describe(trial.name()).state()).isEqualTo(JobState.COMPLETED);
    }

    @Test
    void parallelLimitOfOne_runsOneAtATime() throws Exception {
        CurveTrainer trainer = new CurveTrainer(LocalTuningBackendTest::bowl, 2, 20);
        LocalTuningBackend tuner = tuner(trainer);
        TuningJobDescription done = await(tuner, tuner.submit(spec("serial").maxTrainingJobs(4).maxParallelTrainingJobs(1).build()).name());
        assertThat(done.trials()).hasSize(4);
        assertThat(trainer.maxRunning.get()).isEqualTo(1);
    }

    @Test
    void grid_runsTheWholeGridOnce() throws Exception {
        CurveTrainer trainer = new CurveTrainer(p -> Double.parseDouble(p.get("x")) + Double.parseDouble(p.get("y")), 1, 10);
        LocalTuningBackend tuner = tuner(trainer);
        TuningJobSpec grid = TuningJobSpec.builder().name("grid").strategy(TuningStrategy.GRID).minimize(CurveTrainer.METRIC)
                .categorical("x", List.of("1", "2", "3")).categorical("y", List.of("10", "20")).maxParallelTrainingJobs(3)
                .trainingTemplate(template()).build();
        TuningJobDescription done = await(tuner, tuner.submit(grid).name());
        assertThat(done.trials()).extracting(TrialSummary::tunedHyperparameters).containsExactlyInAnyOrder(
                Map.of("x", "1", "y", "10"), Map.of("x", "1", "y", "20"), Map.of("x", "2", "y", "10"),
                Map.of("x", "2", "y", "20"), Map.of("x", "3", "y", "10"), Map.of("x", "3", "y", "20"));
        assertThat(done.bestTrial().orElseThrow().tunedHyperparameters()).isEqualTo(Map.of("x", "1", "y", "10"));
    }

    @Test
    void earlyStoppingAuto_stopsATrialClearlyWorseThanTheMedian() throws Exception {
        CurveTrainer trainer = new CurveTrainer(p -> Double.parseDouble(p.get("x")), 8, 60);
        LocalTuningBackend tuner = tuner(trainer);
        TuningJobSpec spec = TuningJobSpec.builder().name("early").strategy(TuningStrategy.GRID).minimize(CurveTrainer.METRIC)
                .categorical("x", List.of("0.1", "0.2", "0.15", "5")).maxParallelTrainingJobs(1)
                .earlyStopping(EarlyStopping.AUTO).trainingTemplate(template()).build();
        TuningJobDescription done = await(tuner, tuner.submit(spec).name());
        TrialSummary worse = done.trials().get(3);
        assertThat(worse.tunedHyperparameters()).containsEntry("x", "5");
        assertThat(worse.earlyStopped()).isTrue();
        assertThat(worse.state()).isEqualTo(JobState.STOPPED);
        assertThat(worse.intermediateObjective().size()).isLessThan(8);
        assertThat(done.trials().subList(0, 3)).allSatisfy(t -> assertThat(t.earlyStopped()).isFalse());
        assertThat(done.earlyStoppedCount()).isEqualTo(1);
        assertThat(done.bestTrial().orElseThrow().tunedHyperparameters()).containsEntry("x", "0.1");
    }

    @Test
    void hyperband_stopsPoorTrialsAtTheFirstRung_andKeepsTheBest() throws Exception {
        CurveTrainer trainer = new CurveTrainer(LocalTuningBackendTest::bowl, 9, 30);
        LocalTuningBackend tuner = tuner(trainer);
        TuningJobSpec spec = spec("band").strategy(TuningStrategy.HYPERBAND).hyperband(1, 9).maxTrainingJobs(9)
                .maxParallelTrainingJobs(1).build();
        TuningJobDescription done = await(tuner, tuner.submit(spec).name());
        assertThat(done.trials()).hasSize(9);
        assertThat(done.earlyStoppedCount()).isGreaterThanOrEqualTo(3);
        assertThat(done.trials().stream().filter(TrialSummary::earlyStopped))
                .allSatisfy(t -> assertThat(t.intermediateObjective().size()).isLessThan(9));
        TrialSummary best = done.trials().stream().filter(t -> !t.earlyStopped())
                .min(java.util.Comparator.comparing(TrialSummary::objective)).orElseThrow();
        assertThat(best.intermediateObjective()).hasSize(9);
    }

    @Test
    void targetObjective_endsTheJobEarly() throws Exception {
        CurveTrainer trainer = new CurveTrainer(LocalTuningBackendTest::bowl, 1, 10);
        LocalTuningBackend tuner = tuner(trainer);
        TuningJobSpec spec = spec("target").maxTrainingJobs(40).maxParallelTrainingJobs(1)
                .completion(CompletionCriteria.none().withTarget(1.05)).build();
        TuningJobDescription done = await(tuner, tuner.submit(spec).name());
        assertThat(done.status()).isEqualTo(TuningJobStatus.COMPLETED);
        assertThat(done.endReason()).isEqualTo("TargetObjectiveReached");
        assertThat(done.trials().size()).isLessThan(40);
        assertThat(done.bestTrial().orElseThrow().objective()).isLessThanOrEqualTo(1.05);
    }

    @Test
    void warmStart_learnsFromTheParentsResults() throws Exception {
        CurveTrainer trainer = new CurveTrainer(LocalTuningBackendTest::bowl, 1, 5);
        LocalTuningBackend tuner = tuner(trainer);
        TuningJobDescription parent = await(tuner, tuner.submit(spec("parent").maxTrainingJobs(12).maxParallelTrainingJobs(3).build()).name());
        TuningJobSpec.Builder child = spec("child").strategy(TuningStrategy.BAYESIAN).maxTrainingJobs(2).maxParallelTrainingJobs(1);
        TuningJobDescription warm = await(tuner, tuner.submit(child.warmStart(WarmStartType.IDENTICAL_DATA_AND_ALGORITHM,
                List.of("parent")).build()).name());
        TuningJobDescription cold = await(tuner, tuner.submit(spec("cold").strategy(TuningStrategy.BAYESIAN).maxTrainingJobs(2)
                .maxParallelTrainingJobs(1).build()).name());
        // Without results a Bayesian search starts at random; with the parent's twelve it starts near the optimum.
        double warmFirst = warm.trials().get(0).objective();
        List<Double> parentObjectives = parent.trials().stream().map(TrialSummary::objective).sorted().toList();
        assertThat(warmFirst).isLessThanOrEqualTo(parentObjectives.get(2));
        assertThat(Math.abs(Double.parseDouble(warm.trials().get(0).tunedHyperparameters().get("x")) - 0.3)).isLessThan(0.1);
        assertThat(warm.trials().get(0).tunedHyperparameters()).isNotEqualTo(cold.trials().get(0).tunedHyperparameters());
    }

    @Test
    void warmStart_fromAMissingParent_isRefusedBeforeAnythingRuns() {
        LocalTuningBackend tuner = tuner(new CurveTrainer(LocalTuningBackendTest::bowl, 1, 5));
        assertThatThrownBy(() -> tuner.submit(spec("orphan").warmStart(WarmStartType.TRANSFER_LEARNING, List.of("nobody")).build()))
                .isInstanceOf(TuningJobNotFoundException.class).hasMessageContaining("nobody");
        assertThatThrownBy(() -> tuner.describe(TuningJobName.of("orphan"))).isInstanceOf(TuningJobNotFoundException.class);
    }

    @Test
    void anotherInstance_describesAndStopsIt() throws Exception {
        CurveTrainer trainer = new CurveTrainer(LocalTuningBackendTest::bowl, 50, 100);
        LocalTuningBackend tuner = tuner(trainer);
        TuningJobName name = tuner.submit(spec("long").build()).name();
        LocalTuningBackend other = LocalTuningBackend.over(training, root);
        Instant deadline = Instant.now().plusSeconds(20);
        while (other.describe(name).countsByState().get(JobState.IN_PROGRESS) < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(other.describe(name).countsByState()).containsEntry(JobState.IN_PROGRESS, 2);
        other.stop(name);
        TuningJobDescription done = await(other, name);
        assertThat(done.status()).isEqualTo(TuningJobStatus.STOPPED);
        assertThat(done.endReason()).isEqualTo("StopRequested");
        assertThat(done.trials()).hasSize(2).allSatisfy(t -> assertThat(t.state()).isEqualTo(JobState.STOPPED));
        other.stop(name); // stopping an ended job changes nothing
        assertThat(other.describe(name).status()).isEqualTo(TuningJobStatus.STOPPED);
    }

    @Test
    void submit_sameSpecAgain_returnsTheJob_differentSpecIsRefused() throws Exception {
        LocalTuningBackend tuner = tuner(new CurveTrainer(LocalTuningBackendTest::bowl, 1, 5));
        TuningJobSpec spec = spec("again").build();
        tuner.submit(spec);
        TuningJobDescription done = await(tuner, spec.name());
        assertThat(tuner.submit(spec).trials()).isEqualTo(done.trials());
        assertThatThrownBy(() -> tuner.submit(spec("again").maxTrainingJobs(7).build()))
                .isInstanceOf(JobAlreadyExistsException.class).hasMessageContaining("different spec");
    }

    @Test
    void resume_afterTheTunerDied_keepsFinishedTrialsAndRunsTheRest() throws Exception {
        CurveTrainer trainer = new CurveTrainer(LocalTuningBackendTest::bowl, 2, 60);
        LocalTuningBackend tuner = tuner(trainer);
        TuningJobSpec spec = spec("resume").maxTrainingJobs(6).maxParallelTrainingJobs(1).build();
        tuner.submit(spec);
        Instant deadline = Instant.now().plusSeconds(20);
        while (tuner.describe(spec.name()).countsByState().get(JobState.COMPLETED) < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        // The tuner's thread ends abruptly, as when its process dies: nothing records an end.
        Thread run = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("drydock-tuning-resume"))
                .findFirst().orElseThrow();
        run.interrupt();
        run.join(5000);
        TuningJobDescription halfway = tuner.describe(spec.name());
        assertThat(halfway.status()).isEqualTo(TuningJobStatus.IN_PROGRESS);
        List<TrialSummary> finished = halfway.trials().stream().filter(t -> t.state() == JobState.COMPLETED).toList();
        assertThat(finished.size()).isGreaterThanOrEqualTo(2);

        tuner.submit(spec);
        TuningJobDescription done = await(tuner, spec.name());
        assertThat(done.status()).isEqualTo(TuningJobStatus.COMPLETED);
        assertThat(done.trials()).hasSize(6);
        assertThat(done.trials()).containsAll(finished);
        // every trial's training job ran once: none of the finished ones again
        assertThat(trainer.started).doesNotHaveDuplicates().hasSize(6);
    }
}
