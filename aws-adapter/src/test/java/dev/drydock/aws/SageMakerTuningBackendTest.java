package dev.drydock.aws;

import dev.drydock.aws.emulator.SageMakerEmulator;
import dev.drydock.aws.emulator.TuningSpecFromCreateRequest;
import dev.drydock.core.error.JobAlreadyExistsException;
import dev.drydock.core.error.ThrottledException;
import dev.drydock.core.model.Channel;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.tuning.CompletionCriteria;
import dev.drydock.core.tuning.EarlyStopping;
import dev.drydock.core.tuning.ScalingType;
import dev.drydock.core.tuning.TrialSummary;
import dev.drydock.core.tuning.TuningBackend;
import dev.drydock.core.tuning.TuningJobDescription;
import dev.drydock.core.tuning.TuningJobName;
import dev.drydock.core.tuning.TuningJobNotFoundException;
import dev.drydock.core.tuning.TuningJobSpec;
import dev.drydock.core.tuning.TuningJobStatus;
import dev.drydock.core.tuning.TuningStrategy;
import dev.drydock.core.tuning.WarmStartType;
import dev.drydock.testkit.ContainerProgram;
import dev.drydock.testkit.FakeTrainingBackend;
import dev.drydock.testkit.InMemoryStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link SageMakerTuningBackend} through the SageMaker emulator: the forward mapping read back by the emulator's
 * independent reverse mapping, and tuning jobs run end to end, every trial a CreateTrainingJob through the emulator.
 */
class SageMakerTuningBackendTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/SageMakerExecution";
    @TempDir
    Path tmp;
    private FakeTrainingBackend local;

    /** Loss (x - 0.3)^2 + 1/epoch, one line per epoch. */
    private static ContainerProgram curve(int epochs, long epochMillis) {
        return context -> {
            double x = Double.parseDouble(context.hyperparameters().required("x"));
            for (int epoch = 1; epoch <= epochs; epoch++) {
                Thread.sleep(epochMillis);
                context.println("epoch=" + epoch + " validation-loss: " + ((x - 0.3) * (x - 0.3) + 1.0 / epoch));
            }
            Files.createDirectories(context.path("model"));
            Files.writeString(context.path("model/model.txt"), "x=" + x);
            return 0;
        };
    }

    @AfterEach
    void close() {
        if (local != null) {
            local.close();
        }
    }

    private SageMakerEmulator emulator(ContainerProgram program) {
        local = FakeTrainingBackend.builder().storage(new InMemoryStorage()).program(program)
                .stopGracePeriod(Duration.ofMillis(300)).build();
        return new SageMakerEmulator(local).withTuning(tmp.resolve("tuning"));
    }

    private static TrainingJobSpec template(String name) {
        return TrainingJobSpec.builder().name(name).image("123456789012.dkr.ecr.us-east-1.amazonaws.com/curve:1")
                .outputPath("s3://bucket/models/").metric("validation:loss", "validation-loss: ([-0-9.eE]+)")
                .hyperparameter("epochs", 3).build();
    }

    private static TuningJobSpec.Builder spec(String name) {
        return TuningJobSpec.builder().name(name).strategy(TuningStrategy.RANDOM).minimize("validation:loss")
                .continuous("x", 0, 1, ScalingType.LINEAR).maxTrainingJobs(4).maxParallelTrainingJobs(2).randomSeed(5)
                .trainingTemplate(template(name));
    }

    private static TuningJobDescription await(TuningBackend tuning, TuningJobName name) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        TuningJobDescription d = tuning.describe(name);
        while (!d.status().isTerminal() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            d = tuning.describe(name);
        }
        return d;
    }

    @Test
    void map_whenEveryFieldSet_readsBackToTheSameSpec() {
        TrainingJobSpec template = TrainingJobSpec.builder().name("full").image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/t:2")
                .channel(Channel.builder("train").source("s3://bucket/train/").contentType("text/csv")
                        .inputMode(dev.drydock.core.model.InputMode.FILE))
                .metric("validation:rmse", "validation-rmse: ([0-9.]+)").metric("train:rmse", "train-rmse: ([0-9.]+)")
                .hyperparameter("objective", "reg:squarederror").environment("SEED", "1").tag("team", "pricing")
                .maxRuntime(Duration.ofMinutes(30)).outputPath("s3://bucket/models/").roleArn(ROLE).build();
        TuningJobSpec spec = TuningJobSpec.builder().name("full").strategy(TuningStrategy.BAYESIAN).maximize("validation:rmse")
                .continuous("eta", 0.01, 0.3, ScalingType.LOGARITHMIC).continuous("subsample", 0.5, 0.99, ScalingType.REVERSE_LOGARITHMIC)
                .integer("max_depth", 2, 10, ScalingType.LINEAR).categorical("booster", List.of("gbtree", "dart"))
                .maxTrainingJobs(20).maxParallelTrainingJobs(3).maxRuntime(Duration.ofHours(2)).earlyStopping(EarlyStopping.AUTO)
                .completion(CompletionCriteria.none().withTarget(0.25).withMaxJobsNotImproving(5).withCompleteOnConvergence(true))
                .warmStart(WarmStartType.TRANSFER_LEARNING, List.of("parent-a", "parent-b")).randomSeed(42)
                .trainingTemplate(template).build();

        TuningJobSpec back = TuningSpecFromCreateRequest.read(CreateTuningJobMapper.map(spec, ROLE, "fp"));

        TuningJobSpec expected = TuningJobSpec.builder().name("full").strategy(TuningStrategy.BAYESIAN).maximize("validation:rmse")
                .continuous("eta", 0.01, 0.3, ScalingType.LOGARITHMIC).continuous("subsample", 0.5, 0.99, ScalingType.REVERSE_LOGARITHMIC)
                .integer("max_depth", 2, 10, ScalingType.LINEAR).categorical("booster", List.of("gbtree", "dart"))
                .maxTrainingJobs(20).maxParallelTrainingJobs(3).maxRuntime(Duration.ofHours(2)).earlyStopping(EarlyStopping.AUTO)
                .completion(CompletionCriteria.none().withTarget(0.25).withMaxJobsNotImproving(5).withCompleteOnConvergence(true))
                .warmStart(WarmStartType.TRANSFER_LEARNING, List.of("parent-a", "parent-b")).randomSeed(42)
                .trainingTemplate(template.toBuilder().tag(SpecFingerprint.TAG, "fp").build()).build();
        assertThat(back).isEqualTo(expected);
    }

    @Test
    void map_hyperbandAndGrid_survive() {
        TuningJobSpec hyperband = spec("band").strategy(TuningStrategy.HYPERBAND).hyperband(1, 9).build();
        assertThat(TuningSpecFromCreateRequest.read(CreateTuningJobMapper.map(hyperband, ROLE, "f")).hyperband())
                .isEqualTo(hyperband.hyperband());
        TuningJobSpec grid = TuningJobSpec.builder().name("grid").strategy(TuningStrategy.GRID).minimize("validation:loss")
                .categorical("x", List.of("0.1", "0.2")).trainingTemplate(template("grid")).build();
        TuningJobSpec back = TuningSpecFromCreateRequest.read(CreateTuningJobMapper.map(grid, ROLE, "f"));
        assertThat(back.limits().maxTrainingJobs()).isNull();
        assertThat(back.maxTrials()).isEqualTo(2);
    }

    @Test
    void map_whenTemplateHasAnEntrypoint_isRefusedNamingIt() {
        TuningJobSpec spec = spec("ep").trainingTemplate(template("ep").toBuilder().containerEntrypoint(List.of("java")).build()).build();
        assertThatThrownBy(() -> CreateTuningJobMapper.map(spec, ROLE, "f"))
                .hasMessageContaining("trainingTemplate.containerEntrypoint").hasMessageContaining("bake it into the image");
    }

    @Test
    void tuningJob_runsEndToEnd_throughTheEmulator() throws Exception {
        SageMakerEmulator emulator = emulator(curve(3, 30));
        TuningBackend tuning = new SageMakerTuningBackend(emulator, ROLE, "us-east-1");
        TuningJobDescription first = tuning.submit(spec("wire").build());
        assertThat(first.status()).isEqualTo(TuningJobStatus.IN_PROGRESS);
        assertThat(first.arn()).endsWith(":hyper-parameter-tuning-job/wire");

        TuningJobDescription done = await(tuning, first.name());
        assertThat(done.status()).isEqualTo(TuningJobStatus.COMPLETED);
        assertThat(done.maxTrials()).isEqualTo(4);
        assertThat(done.trials()).hasSize(4).allSatisfy(t -> {
            assertThat(t.name().value()).matches("wire-00[1-4]-[0-9a-f]{8}");
            assertThat(t.state()).isEqualTo(JobState.COMPLETED);
            double x = Double.parseDouble(t.tunedHyperparameters().get("x"));
            assertThat(t.objective()).isCloseTo((x - 0.3) * (x - 0.3) + 1.0 / 3, within(1e-5));
        });
        TrialSummary best = done.bestTrial().orElseThrow();
        // the trial is a training job SageMaker knows: its model is where the training backend says
        SageMakerTrainingBackend training = SageMakerTrainingBackend.builder().sageMaker(emulator)
                .logs(new CloudWatchLogReader(new dev.drydock.aws.emulator.EmulatedCloudWatchLogs(emulator, local))).build();
        JobDescription trial = training.describe(best.name());
        assertThat(trial.state()).isEqualTo(JobState.COMPLETED);
        assertThat(trial.modelArtifact().toString()).isEqualTo("s3://bucket/models/" + best.name() + "/output/model.tar.gz");
        assertThat(trial.finalMetrics()).containsKey("validation:loss");
    }

    @Test
    void submit_sameSpecReturnsTheJob_differentSpecIsRefused() throws Exception {
        TuningBackend tuning = new SageMakerTuningBackend(emulator(curve(1, 5)), ROLE, "us-east-1");
        TuningJobSpec spec = spec("again").build();
        tuning.submit(spec);
        assertThat(tuning.submit(spec).name()).isEqualTo(spec.name());
        assertThatThrownBy(() -> tuning.submit(spec("again").maxTrainingJobs(5).build()))
                .isInstanceOf(JobAlreadyExistsException.class).hasMessageContaining("different spec");
        await(tuning, spec.name());
    }

    @Test
    void stop_endsTheJobStopped_andStoppingAgainChangesNothing() throws Exception {
        TuningBackend tuning = new SageMakerTuningBackend(emulator(curve(100, 100)), ROLE, "us-east-1");
        TuningJobName name = tuning.submit(spec("halt").build()).name();
        Instant deadline = Instant.now().plusSeconds(20);
        while (tuning.describe(name).trials().size() < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        tuning.stop(name);
        TuningJobDescription done = await(tuning, name);
        assertThat(done.status()).isEqualTo(TuningJobStatus.STOPPED);
        assertThat(done.trials()).allSatisfy(t -> assertThat(t.state()).isEqualTo(JobState.STOPPED));
        tuning.stop(name);
    }

    @Test
    void describe_unknownJob_isNotFound() {
        TuningBackend tuning = new SageMakerTuningBackend(emulator(curve(1, 5)), ROLE, "us-east-1");
        assertThatThrownBy(() -> tuning.describe(TuningJobName.of("nobody")))
                .isInstanceOf(TuningJobNotFoundException.class).hasMessageContaining("nobody").hasMessageContaining("on SageMaker in us-east-1");
    }

    @Test
    void throttling_isTranslated_andRetriedByTheResilientDecorator() throws Exception {
        SageMakerEmulator emulator = emulator(curve(1, 5));
        TuningBackend plain = new SageMakerTuningBackend(emulator, ROLE, "us-east-1");
        TuningBackend resilient = new ResilientTuningBackend(plain, ResiliencePolicies.defaults().withMaxAttempts(2)
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(20)));
        TuningJobName name = resilient.submit(spec("busy").build()).name();
        emulator.throttleNextTuningCalls(1);
        assertThatThrownBy(() -> plain.describe(name)).isInstanceOf(ThrottledException.class);
        emulator.throttleNextTuningCalls(1);
        assertThat(resilient.describe(name).name()).isEqualTo(name);
        await(resilient, name);
    }
}
