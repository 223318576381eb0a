package dev.drydock.testkit.workflow;

import dev.drydock.core.Drydock;
import dev.drydock.core.ImageSource;
import dev.drydock.core.JobListener;
import dev.drydock.core.PollPolicy;
import dev.drydock.core.TrainedModel;
import dev.drydock.core.TrainingJob;
import dev.drydock.core.TrainingRequest;
import dev.drydock.core.WorkflowPhase;
import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.ErrorCode;
import dev.drydock.core.error.ImageNotFoundException;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.JobFailedException;
import dev.drydock.core.error.JobStoppedException;
import dev.drydock.core.error.JobTimeoutException;
import dev.drydock.core.model.ImageReference;
import dev.drydock.core.model.JobOutcome;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.SecondaryStatus;
import dev.drydock.core.model.StorageUri;
import dev.drydock.testkit.ContainerProgram;
import dev.drydock.testkit.FakeTrainingBackend;
import dev.drydock.testkit.InMemoryArtifactStore;
import dev.drydock.testkit.InMemoryImageRegistry;
import dev.drydock.testkit.InMemoryStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The workflow facade end to end over the in-memory fakes: real /opt/ml trees, real tar.gz, real threads. */
class DrydockWorkflowTest {
    private static final ImageReference IMAGE = ImageReference.parse("drydock/test-trainer:1");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private final InMemoryStorage storage = new InMemoryStorage();
    private final InMemoryImageRegistry registry = new InMemoryImageRegistry();
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

    /** A container that reads its channel and hyperparameter and writes them into the model. */
    private static final ContainerProgram ECHO_TRAINER = context -> {
        String hp = dev.drydock.contract.Hyperparameters.read(context.path("input/config/hyperparameters.json")).asMap()
                .toString();
        String data = Files.readString(context.path("input/data/training/train.csv"));
        context.println("epoch=1 loss=0.5");
        context.println("final loss=0.25");
        Files.writeString(context.path("model/model.txt"), "trained on " + data.lines().count() + " lines; hp " + hp);
        return 0;
    };

    private Drydock drydock(ContainerProgram program) {
        registry.add(IMAGE);
        backend = FakeTrainingBackend.builder().storage(storage).program(program).stopGracePeriod(Duration.ofSeconds(1)).build();
        drydock = Drydock.builder()
                .imageRegistry(registry)
                .storage(storage)
                .trainingBackend(backend)
                .artifactStore(new InMemoryArtifactStore(storage))
                .stagingPrefix(StorageUri.parse("s3://drydock-test/staging/"))
                .workDirectory(tmp.resolve("work"))
                .pollPolicy(new PollPolicy(Duration.ofMillis(20), Duration.ofMillis(200), 1.5, 0.1))
                .build();
        return drydock;
    }

    private TrainingRequest request(Path trainCsv) {
        return TrainingRequest.builder()
                .image(ImageSource.existing(IMAGE))
                .baseJobName("workflow")
                .input("training", trainCsv, "text/csv")
                .spec(spec -> spec.hyperparameter("max_depth", 4).metric("loss", "loss=([0-9.]+)"))
                .build();
    }

    private Path trainCsv() throws IOException {
        return Files.writeString(tmp.resolve("train.csv"), "a,b\n1,2\n3,4\n");
    }

    @Test
    void fit_whenContainerSucceeds_returnsExtractedModelAndReportsEveryStep() throws IOException {
        RecordingListener events = new RecordingListener();

        TrainedModel model = drydock(ECHO_TRAINER).fit(request(trainCsv()), WAIT, events);

        assertThat(Files.readString(model.modelDirectory().resolve("model.txt")))
                .isEqualTo("trained on 3 lines; hp {max_depth=4}");
        assertThat(model.modelDirectory()).startsWith(tmp.resolve("work"));
        assertThat(model.description().state()).isEqualTo(JobState.COMPLETED);
        assertThat(model.description().finalMetrics()).containsEntry("loss", 0.25);
        assertThat(events.phases).containsExactly(WorkflowPhase.PREPARING_IMAGE, WorkflowPhase.UPLOADING_INPUTS,
                WorkflowPhase.SUBMITTING, WorkflowPhase.RUNNING, WorkflowPhase.DOWNLOADING_MODEL, WorkflowPhase.DONE);
        assertThat(events.submitted).hasSize(1);
        assertThat(events.statuses).contains(SecondaryStatus.TRAINING, SecondaryStatus.COMPLETED);
        assertThat(events.lines).containsSubsequence("algo-1: epoch=1 loss=0.5", "algo-1: final loss=0.25");
        assertThat(events.ended).singleElement().isInstanceOf(JobOutcome.Succeeded.class);
    }

    @Test
    void submit_whenLocalInput_uploadsItUnderStagingPrefixAsTheChannel() throws IOException {
        TrainingJob job = drydock(ECHO_TRAINER).submit(request(trainCsv()));
        job.await(WAIT);

        StorageUri uploaded = StorageUri.parse("s3://drydock-test/staging/" + job.name() + "/input/training/train.csv");
        assertThat(storage.exists(uploaded)).isTrue();
        assertThat(job.trainedModel().description().modelArtifact())
                .isEqualTo(StorageUri.parse("s3://drydock-test/staging/models/" + job.name() + "/output/model.tar.gz"));
    }

    @Test
    void submit_whenNameReusedWithOtherData_refusesWithTheFixAndLeavesTheFirstJobsInputAsItWas() throws IOException {
        Drydock d = drydock(ECHO_TRAINER);
        Path first = trainCsv();
        d.submit(named("reused", first)).await(WAIT);
        StorageUri staged = StorageUri.parse("s3://drydock-test/staging/reused/input/training/train.csv");
        byte[] before = storage.bytes(staged).orElseThrow();
        Path other = Files.writeString(tmp.resolve("other.csv"), "a,b\n9,9\n");
        Files.move(other, first, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> d.submit(named("reused", first)))
                .isInstanceOf(dev.drydock.core.error.JobAlreadyExistsException.class)
                .hasMessageContaining("already exists with a different spec")
                .hasMessageContaining("nothing was uploaded")
                .hasMessageContaining("attach").hasMessageContaining("choose another job name");
        assertThat(storage.bytes(staged).orElseThrow()).isEqualTo(before);
    }

    @Test
    void submit_whenNameReusedWithTheSameData_followsThatJobWithoutUploadingAgain() throws IOException {
        Drydock d = drydock(ECHO_TRAINER);
        Path data = trainCsv();
        TrainingJob first = d.submit(named("same", data));
        first.await(WAIT);
        RecordingListener events = new RecordingListener();

        TrainingJob again = d.submit(named("same", data), events);

        assertThat(again.await(WAIT)).isInstanceOf(JobOutcome.Succeeded.class);
        assertThat(again.lastDescription().created()).isEqualTo(first.lastDescription().created());
        assertThat(events.phases).doesNotContain(WorkflowPhase.UPLOADING_INPUTS);
    }

    @Test
    void submit_whenSpecSaysWhatTheRequestSays_refusesInsteadOfLettingOneWin() throws IOException {
        Drydock d = drydock(ECHO_TRAINER);
        TrainingRequest clash = TrainingRequest.builder().image(ImageSource.existing(IMAGE)).input("training", trainCsv())
                .spec(spec -> spec.image("other/image:1").name("sneaky").channel("training", "s3://drydock-test/elsewhere/"))
                .build();

        assertThatThrownBy(() -> d.submit(clash)).isInstanceOf(dev.drydock.core.error.InvalidInputException.class)
                .hasMessageContaining("spec.image").hasMessageContaining("spec.name")
                .hasMessageContaining("channels.training");
        assertThat(storage.list(StorageUri.parse("s3://drydock-test/"))).isEmpty();
    }

    @Test
    void request_whenSubmittedTwice_isTheSameValueEachTime() throws IOException {
        Drydock d = drydock(ECHO_TRAINER);
        TrainingRequest request = request(trainCsv());

        TrainingJob first = d.submit(request);
        TrainingJob second = d.submit(request);

        assertThat(first.await(WAIT)).isInstanceOf(JobOutcome.Succeeded.class);
        assertThat(second.await(WAIT)).isInstanceOf(JobOutcome.Succeeded.class);
        assertThat(second.name()).isNotEqualTo(first.name());
        assertThat(second.lastDescription().modelArtifact()).isNotEqualTo(first.lastDescription().modelArtifact());
    }

    private TrainingRequest named(String name, Path trainCsv) {
        return TrainingRequest.builder().image(ImageSource.existing(IMAGE)).jobName(name)
                .input("training", trainCsv, "text/csv").spec(spec -> spec.hyperparameter("max_depth", 4)).build();
    }

    @Test
    void await_whenContainerFails_returnsFailedWithTheFailureFileReason() throws IOException {
        ContainerProgram failing = context -> {
            Files.writeString(context.path("output/failure"), "column SalePrice is missing from train.csv\ndetail...");
            return 2;
        };
        TrainingJob job = drydock(failing).submit(request(trainCsv()));

        JobOutcome outcome = job.await(WAIT);

        assertThat(outcome).isInstanceOfSatisfying(JobOutcome.Failed.class,
                failed -> assertThat(failed.reason()).startsWith("column SalePrice is missing from train.csv"));
        assertThatThrownBy(job::trainedModel).isInstanceOf(JobFailedException.class)
                .hasMessageContaining(job.name().value()).hasMessageContaining("column SalePrice is missing");
    }

    @Test
    void stop_whenContainerSavesAModelOnSigterm_endsItStoppedAndReturnsThatModel() throws IOException {
        ContainerProgram savesOnSigterm = context -> {
            Files.writeString(context.path("model/model.txt"), "epoch 1 of 10");
            context.println("sleeping");
            try {
                Thread.sleep(60_000);
                return 0;
            } catch (InterruptedException sigterm) {
                // As our trainer does: save the best model so far within the grace period, then exit.
                Files.writeString(context.path("model/model.txt"), "best so far, saved on SIGTERM");
                Files.writeString(context.path("output/data/summary.txt"), "stopped at epoch 1");
                context.println("saved the model, exiting");
                return 143;
            }
        };
        RecordingListener events = new RecordingListener();
        TrainingJob job = drydock(savesOnSigterm).submit(request(trainCsv()), events);
        awaitLine(events, "algo-1: sleeping");

        job.stop();
        JobOutcome outcome = job.await(WAIT);

        assertThat(outcome).isInstanceOfSatisfying(JobOutcome.Stopped.class, s -> {
            assertThat(s.maxRuntimeExceeded()).isFalse();
            assertThat(s.modelArtifactIfAny()).isPresent();
        });
        assertThat(job.state()).isEqualTo(JobState.STOPPED);
        TrainedModel model = job.trainedModel();
        assertThat(model.description().state()).isEqualTo(JobState.STOPPED);
        assertThat(Files.readString(model.modelDirectory().resolve("model.txt"))).isEqualTo("best so far, saved on SIGTERM");
        assertThat(model.outputDirectoryIfAny()).hasValueSatisfying(
                output -> assertThat(output.resolve("summary.txt")).hasContent("stopped at epoch 1"));
        assertThat(events.phases).endsWith(WorkflowPhase.DOWNLOADING_MODEL, WorkflowPhase.DONE);
    }

    @Test
    void stop_whenContainerSavedNoModel_endsItStoppedAndTrainedModelThrowsJobStopped() throws IOException {
        ContainerProgram sleeper = context -> {
            context.println("sleeping");
            Thread.sleep(60_000);
            return 0;
        };
        RecordingListener events = new RecordingListener();
        TrainingJob job = drydock(sleeper).submit(request(trainCsv()), events);
        awaitLine(events, "algo-1: sleeping");

        job.stop();
        JobOutcome outcome = job.await(WAIT);

        assertThat(outcome).isInstanceOfSatisfying(JobOutcome.Stopped.class, s -> assertThat(s.modelArtifactIfAny()).isEmpty());
        assertThat(job.state()).isEqualTo(JobState.STOPPED);
        assertThatThrownBy(job::modelDirectory).isInstanceOf(JobStoppedException.class)
                .hasMessageContaining("by request").hasMessageContaining("before it saved a model");
        assertThat(storage.exists(StorageUri.parse("s3://drydock-test/staging/models/" + job.name() + "/output/model.tar.gz")))
                .as("model.tar.gz of a stopped job whose container saved nothing").isFalse();
    }

    @Test
    void await_whenJobOutlastsTimeout_throwsTimeoutAndJobGoesOn() throws IOException {
        ContainerProgram sleeper = context -> {
            Thread.sleep(60_000);
            return 0;
        };
        TrainingJob job = drydock(sleeper).submit(request(trainCsv()));

        assertThatThrownBy(() -> job.await(Duration.ofMillis(300)))
                .isInstanceOf(JobTimeoutException.class)
                .hasMessageContaining(job.name().value())
                .hasMessageContaining("still running");
        assertThat(job.describe().state()).isEqualTo(JobState.IN_PROGRESS);
        job.stop();
        assertThat(job.await(WAIT)).isInstanceOf(JobOutcome.Stopped.class);
    }

    @Test
    void submit_whenRequestHasSeveralFaults_reportsAllAndChangesNothing() throws IOException {
        Drydock d = drydock(ECHO_TRAINER);
        TrainingRequest bad = TrainingRequest.builder()
                .image(ImageSource.existing(IMAGE))
                .jobName("bad_name")
                .input("training", tmp.resolve("no-such.csv"))
                .input("valid", trainCsv())
                .spec(spec -> spec.hyperparameter("k".repeat(300), 1)
                        .metric("m", "no groups")
                        .channel("valid", "s3://drydock-test/other/"))
                .build();

        assertThatThrownBy(() -> d.submit(bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field())
                        .containsExactlyInAnyOrder("jobName", "inputs[0].training", "hyperparameters",
                                "metricDefinitions[0].regex", "channels.valid"));

        assertThat(storage.list(StorageUri.parse("s3://drydock-test/"))).isEmpty();
        assertThat(backend.list(10)).isEmpty();
    }

    @Test
    void submit_whenImageAbsent_throwsImageNotFoundAndUploadsNothing() throws IOException {
        Drydock d = drydock(ECHO_TRAINER);
        TrainingRequest request = TrainingRequest.builder()
                .image(ImageSource.existing("drydock/absent:1"))
                .input("training", trainCsv())
                .build();

        assertThatThrownBy(() -> d.submit(request))
                .isInstanceOf(ImageNotFoundException.class)
                .hasMessageContaining("drydock/absent:1");
        assertThat(storage.list(StorageUri.parse("s3://drydock-test/"))).isEmpty();
    }

    @Test
    void attach_whenJobSubmittedElsewhere_followsItToTheEnd() throws IOException {
        Drydock d = drydock(ECHO_TRAINER);
        TrainingJob first = d.submit(request(trainCsv()));
        first.await(WAIT);

        RecordingListener events = new RecordingListener();
        TrainingJob again = d.attach(first.name().value(), events);

        assertThat(again.await(WAIT)).isInstanceOf(JobOutcome.Succeeded.class);
        assertThat(events.lines).contains("algo-1: final loss=0.25");
        assertThat(again.modelDirectory().resolve("model.txt")).exists();
    }

    @Test
    void submit_whenListenerThrows_jobStillCompletes() throws IOException {
        JobListener broken = new JobListener() {
            @Override
            public void onLog(LogEvent event) {
                throw new IllegalStateException("listener bug");
            }
        };

        TrainedModel model = drydock(ECHO_TRAINER).fit(request(trainCsv()), WAIT, broken);

        assertThat(model.modelDirectory().resolve("model.txt")).exists();
    }

    @Test
    void build_whenPartsMissing_namesEveryMissingPart() {
        assertThatThrownBy(() -> Drydock.builder().build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("imageRegistry")
                .hasMessageContaining("storage")
                .hasMessageContaining("trainingBackend")
                .hasMessageContaining("artifactStore")
                .hasMessageContaining("stagingPrefix")
                .hasMessageContaining("workDirectory");
    }

    @Test
    void close_whileAJobIsAwaited_awaitEndsAtOnceAndTheJobRunsOn() throws IOException {
        ContainerProgram sleeper = context -> {
            Thread.sleep(60_000);
            return 0;
        };
        Drydock d = drydock(sleeper);
        TrainingJob job = d.submit(request(trainCsv()));

        d.close();

        assertThatThrownBy(() -> job.await(WAIT))
                .isInstanceOfSatisfying(DrydockException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERRUPTED))
                .hasMessageContaining(job.name().value());
        assertThat(backend.describe(job.name()).state()).isEqualTo(JobState.IN_PROGRESS);
        backend.stop(job.name());
    }

    @Test
    void submitAndAttach_whenClosed_areRefused() throws IOException {
        Drydock d = drydock(ECHO_TRAINER);
        TrainingRequest request = request(trainCsv());

        d.close();

        assertThatThrownBy(() -> d.submit(request)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> d.attach("some-job", JobListener.none())).isInstanceOf(IllegalStateException.class);
        assertThat(backend.list(10)).isEmpty();
    }

    /** Waits until the listener heard {@code line} ({@code host: message}). */
    private static void awaitLine(RecordingListener events, String line) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!events.lines.contains(line)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the job never logged \"" + line + "\"; heard " + events.lines);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + line, e);
            }
        }
    }
}
