package dev.drydock.testkit;

import dev.drydock.core.error.JobAlreadyExistsException;
import dev.drydock.core.error.JobNotFoundException;
import dev.drydock.core.model.CheckpointConfig;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobOutcome;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.Resources;
import dev.drydock.core.model.SecondaryStatus;
import dev.drydock.core.model.StatusTransition;
import dev.drydock.core.model.StoppingCondition;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@link TrainingBackend} contract, run with {@link ScriptedContainer} scenarios ({@link ContainerBehaviour}).
 * The adapter test says how its backend runs a behaviour ({@link #containerFor}); this class adds the job name,
 * a {@code train} channel staged in {@link #storage()}, the output path, the metric definition and limits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TrainingBackendContractTest {

    /** The content of {@code train/data.csv}, the one file of the {@code train} channel. */
    protected static final String TRAIN_DATA = "a,b\n1,2\n";

    /** A fresh prefix below {@link #root()} for the current test's channel data and output. */
    protected StorageUri base;
    private final List<JobName> submitted = new ArrayList<>();
    private JobWaiter waiter;

    /** The backend under test. */
    protected abstract TrainingBackend backend();

    /** The storage the backend reads channels from and writes models to. */
    protected abstract Storage storage();

    /** A prefix in {@link #storage()} the test may write below; each test uses a fresh sub-prefix. */
    protected abstract StorageUri root();

    /**
     * A spec builder whose container performs {@code behaviour}: the image, and the entrypoint, environment or
     * hyperparameters that run {@link ScriptedContainer} with it (most adapters call
     * {@link ContainerBehaviour#applyTo}). Leave out name, channels, output path, metrics and stopping condition.
     */
    protected abstract TrainingJobSpec.Builder containerFor(ContainerBehaviour behaviour);

    /** A second instance over the same jobs (another process would build it from the same configuration). */
    protected TrainingBackend anotherBackendInstance() {
        return backend();
    }

    /** How long a scenario may take to end. */
    protected Duration jobTimeout() {
        return Duration.ofSeconds(60);
    }

    /** How often the test polls. */
    protected Duration pollInterval() {
        return Duration.ofMillis(100);
    }

    /** The max runtime of the max-runtime scenario. */
    protected Duration shortMaxRuntime() {
        return Duration.ofSeconds(2);
    }

    /** Whether jobs can be stopped. */
    protected boolean supportsStop() {
        return true;
    }

    /** Whether the backend delivers SIGTERM and kills (SIGKILL) a container that ignores it after the grace period. */
    protected boolean supportsSignals() {
        return true;
    }

    /** Whether the backend enforces the max runtime. */
    protected boolean supportsMaxRuntime() {
        return true;
    }

    /** Whether the backend runs several hosts ({@code instanceCount > 1}). */
    protected boolean supportsMultipleHosts() {
        return true;
    }

    /**
     * Whether the backend syncs {@code /opt/ml/checkpoints} with the spec's checkpoint location (restored at start,
     * kept at the end), as SageMaker does.
     */
    protected boolean syncsCheckpoints() {
        return false;
    }

    /** Whether the failure reason is exactly the failure file's first 1024 characters (SageMaker adds a prefix). */
    protected boolean failureReasonIsExactlyTheFailureFile() {
        return true;
    }

    /** The instance type of the scenarios. */
    protected String instanceType() {
        return Resources.DEFAULT_INSTANCE_TYPE;
    }

    @BeforeEach
    void stageTrainChannel(@TempDir Path tmp) throws IOException {
        base = root().asPrefix().resolve("t-" + UUID.randomUUID().toString().substring(0, 8) + "/");
        Path data = Files.createDirectories(tmp.resolve("train")).resolve("data.csv");
        Files.writeString(data, TRAIN_DATA, StandardCharsets.UTF_8);
        storage().put(data, base.resolve("input/train/"));
        waiter = new JobWaiter(backend(), pollInterval(), jobTimeout());
    }

    @AfterEach
    void stopLeftoverJobs() {
        waiter.stopUnfinished(submitted);
        submitted.clear();
    }

    @Test
    void submit_whenValidSpec_returnsInProgressAtOnce() {
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED, b -> { });

        JobDescription first = submit(spec);

        assertThat(first.name()).isEqualTo(spec.name());
        assertThat(first.state()).isEqualTo(JobState.IN_PROGRESS);
        assertThat(waiter.awaitEnd(spec.name()).state()).isEqualTo(JobState.COMPLETED);
    }

    @Test
    void describe_whenContainerSucceeds_completedWithModelAtModelArtifactUri(@TempDir Path tmp) {
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED, b -> { });
        submit(spec);

        JobDescription done = waiter.awaitEnd(spec.name());

        assertThat(done.state()).isEqualTo(JobState.COMPLETED);
        assertThat(done.failureReason()).isNull();
        assertThat(done.modelArtifact()).isEqualTo(spec.modelArtifactUri());
        assertThat(done.trainingStarted()).isNotNull();
        assertThat(done.trainingEnded()).isNotNull().isAfterOrEqualTo(done.trainingStarted());
        assertThat(JobOutcome.of(done)).isInstanceOf(JobOutcome.Succeeded.class);
        String model = new String(TarGzFixtures.read(storage().get(spec.modelArtifactUri(), tmp.resolve("model.tar.gz")))
                .get(ScriptedContainer.MODEL_FILE), StandardCharsets.UTF_8);
        assertThat(model).contains("job=" + spec.name().value(), "host=algo-1", "channel.train=data.csv",
                "hyperparameter.behaviour=succeed");
    }

    @Test
    void describe_whenMetricDefinitionsMatchLogLines_reportsLastValueOfEach() {
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED, b -> b.metric("epoch", "epoch (\\d+) "));
        submit(spec);

        JobDescription done = waiter.awaitEnd(spec.name());

        assertThat(done.finalMetrics()).containsEntry(ScriptedContainer.METRIC_NAME, ScriptedContainer.FINAL_METRIC)
                .containsEntry("epoch", 2.0);
    }

    @Test
    void describe_whenCompleted_secondaryStatusesWentStartingTrainingUploadingCompletedInOrder() {
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED, b -> { });
        submit(spec);

        JobDescription done = waiter.awaitEnd(spec.name());

        List<SecondaryStatus> statuses = done.transitions().stream().map(StatusTransition::status).toList();
        assertThat(statuses).first().isEqualTo(SecondaryStatus.STARTING);
        assertThat(statuses).containsSubsequence(SecondaryStatus.STARTING, SecondaryStatus.TRAINING,
                SecondaryStatus.UPLOADING, SecondaryStatus.COMPLETED).endsWith(SecondaryStatus.COMPLETED);
        assertThat(done.secondaryStatus()).isEqualTo(SecondaryStatus.COMPLETED);
        for (int i = 1; i < done.transitions().size(); i++) {
            StatusTransition previous = done.transitions().get(i - 1);
            assertThat(previous.ended()).as("end of %s", previous.status()).isNotNull();
            assertThat(done.transitions().get(i).started()).isAfterOrEqualTo(previous.started());
        }
    }

    @Test
    void describe_whenContainerWritesFailureFile_failedWithItsFirst1024Characters() {
        TrainingJobSpec spec = spec(ContainerBehaviour.FAIL_WITH_REASON, b -> { });
        submit(spec);

        JobDescription done = waiter.awaitEnd(spec.name());

        assertThat(done.state()).isEqualTo(JobState.FAILED);
        assertThat(done.secondaryStatus()).isEqualTo(SecondaryStatus.FAILED);
        if (failureReasonIsExactlyTheFailureFile()) {
            assertThat(done.failureReason()).isEqualTo(ScriptedContainer.EXPECTED_FAILURE_REASON);
        } else {
            assertThat(done.failureReason()).contains(ScriptedContainer.FAILURE_TEXT.substring(0, 200))
                    .doesNotContain(ScriptedContainer.FAILURE_TEXT);
        }
        assertThat(JobOutcome.of(done)).isInstanceOf(JobOutcome.Failed.class);
        assertNoModelPublished(spec, done);
    }

    @Test
    void describe_whenContainerExitsNonZeroWithoutFailureFile_reasonNamesExitCode() {
        TrainingJobSpec spec = spec(ContainerBehaviour.EXIT_NON_ZERO, b -> { });
        submit(spec);

        JobDescription done = waiter.awaitEnd(spec.name());

        assertThat(done.state()).isEqualTo(JobState.FAILED);
        assertThat(done.failureReason()).containsIgnoringCase("exit")
                .containsPattern("\\b" + ScriptedContainer.NON_ZERO_EXIT_CODE + "\\b");
        assertNoModelPublished(spec, done);
    }

    @Test
    void stop_whenRunning_goesStoppingThenStoppedAndPublishesThePartialModel(@TempDir Path tmp) {
        assumeTrue(supportsStop(), "the backend under test cannot stop jobs");
        TrainingJobSpec spec = spec(ContainerBehaviour.SLEEP_UNTIL_STOPPED, b -> { });
        submit(spec);
        waiter.awaitLogLine(spec.name(), ScriptedContainer.SLEEPING_LINE);

        backend().stop(spec.name());

        assertThat(backend().describe(spec.name()).state()).isIn(JobState.STOPPING, JobState.STOPPED);
        JobDescription done = waiter.awaitEnd(spec.name());
        assertThat(done.state()).isEqualTo(JobState.STOPPED);
        assertThat(JobOutcome.of(done)).isInstanceOfSatisfying(JobOutcome.Stopped.class,
                s -> assertThat(s.maxRuntimeExceeded()).isFalse());
        assertPartialModelPublished(spec, done, tmp);
        if (supportsSignals()) {
            assertThat(waiter.allLogs(spec.name())).extracting(LogEvent::message).contains(ScriptedContainer.SIGTERM_LINE);
        }
        backend().stop(spec.name());
        assertThat(backend().describe(spec.name()).state()).isEqualTo(JobState.STOPPED);
        assertThat(backend().describe(spec.name()).transitions()).isEqualTo(done.transitions());
    }

    @Test
    void stop_whenContainerIgnoresSigterm_killsItAfterGracePeriodAndPublishesWhatItSaved(@TempDir Path tmp) {
        assumeTrue(supportsStop() && supportsSignals(), "the backend under test does not deliver signals");
        TrainingJobSpec spec = spec(ContainerBehaviour.IGNORE_SIGTERM, b -> { });
        submit(spec);
        waiter.awaitLogLine(spec.name(), ScriptedContainer.SLEEPING_LINE);

        backend().stop(spec.name());

        JobDescription done = waiter.awaitEnd(spec.name());
        assertThat(done.state()).isEqualTo(JobState.STOPPED);
        // SageMaker uploads what /opt/ml/model holds at kill time too: the partial model written before sleeping.
        assertPartialModelPublished(spec, done, tmp);
    }

    @Test
    void describe_whenMaxRuntimeExceeded_stoppedWithMaxRuntimeExceededAndThePartialModel(@TempDir Path tmp) {
        assumeTrue(supportsMaxRuntime(), "the backend under test does not enforce max runtime");
        TrainingJobSpec spec = spec(ContainerBehaviour.SLEEP_UNTIL_STOPPED,
                b -> b.stoppingCondition(StoppingCondition.of(shortMaxRuntime())));
        submit(spec);

        JobDescription done = waiter.awaitEnd(spec.name());

        assertThat(done.state()).isEqualTo(JobState.STOPPED);
        assertThat(done.transitions()).extracting(StatusTransition::status).contains(SecondaryStatus.MAX_RUNTIME_EXCEEDED);
        assertThat(JobOutcome.of(done)).isInstanceOfSatisfying(JobOutcome.Stopped.class,
                s -> assertThat(s.maxRuntimeExceeded()).isTrue());
        assertPartialModelPublished(spec, done, tmp);
    }

    @Test
    void submit_whenNameTakenByDifferentSpec_throwsJobAlreadyExists() {
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED, b -> { });
        submit(spec);
        TrainingJobSpec different = spec.toBuilder().hyperparameter("epochs", 5).build();

        assertThatThrownBy(() -> backend().submit(different))
                .isInstanceOfSatisfying(JobAlreadyExistsException.class,
                        e -> assertThat(e.jobName()).isEqualTo(spec.name().value()));
        waiter.awaitEnd(spec.name());
    }

    @Test
    void submit_whenIdenticalSpecAgain_returnsTheExistingJob() {
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED, b -> { });
        JobDescription first = submit(spec);

        JobDescription again = backend().submit(spec);

        assertThat(again.name()).isEqualTo(first.name());
        assertThat(again.created()).isEqualTo(first.created());
        assertThat(waiter.awaitEnd(spec.name()).state()).isEqualTo(JobState.COMPLETED);
        assertThat(backend().list(100)).extracting(s -> s.name()).containsOnlyOnce(spec.name());
    }

    @Test
    void describeAndReadLogs_whenJobUnknown_throwJobNotFound() {
        JobName unknown = JobName.generate("contract-unknown");

        assertThatThrownBy(() -> backend().describe(unknown)).isInstanceOfSatisfying(JobNotFoundException.class,
                e -> assertThat(e.jobName()).isEqualTo(unknown.value()));
        assertThatThrownBy(() -> backend().readLogs(unknown, LogCursor.START)).isInstanceOf(JobNotFoundException.class);
    }

    @Test
    void readLogs_whenJobWritesLines_returnsThemInOrderWithHostAndTime() {
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED, b -> { });
        submit(spec);
        waiter.awaitEnd(spec.name());

        List<LogEvent> events = waiter.allLogs(spec.name());

        assertThat(events).extracting(LogEvent::message).containsSubsequence(ScriptedContainer.SUCCESS_LINES);
        assertThat(events).allSatisfy(e -> assertThat(e.host()).isEqualTo("algo-1"));
        assertThat(events).extracting(LogEvent::timestamp).isSorted();
    }

    @Test
    void readLogs_whenResumedFromCursors_returnsEveryLineOnceWithoutGaps() {
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED, b -> { });
        submit(spec);

        List<LogEvent> followed = waiter.followLogs(spec.name(), backend(), anotherBackendInstance());

        assertThat(followed).containsExactlyElementsOf(waiter.allLogs(spec.name()));
        assertThat(followed).extracting(LogEvent::message).containsSubsequence(ScriptedContainer.SUCCESS_LINES);
    }

    @Test
    void list_whenJobsSubmitted_returnsNewestFirstAtMostMax() {
        TrainingJobSpec older = spec(ContainerBehaviour.SUCCEED, b -> { });
        submit(older);
        TrainingJobSpec newer = spec(ContainerBehaviour.SUCCEED, b -> { });
        submit(newer);

        List<JobName> names = backend().list(100).stream().map(s -> s.name()).toList();

        assertThat(names).containsSubsequence(newer.name(), older.name());
        assertThat(backend().list(1)).hasSize(1);
        waiter.awaitEnd(older.name());
        waiter.awaitEnd(newer.name());
    }

    @Test
    void describe_whenSeveralHosts_completesAfterAllHostsWithLogsOfEach() {
        assumeTrue(supportsMultipleHosts(), "the backend under test runs one host only");
        TrainingJobSpec spec = spec(ContainerBehaviour.SUCCEED, b -> b.resources(Resources.of(instanceType(), 2)));
        submit(spec);

        JobDescription done = waiter.awaitEnd(spec.name());

        assertThat(done.state()).isEqualTo(JobState.COMPLETED);
        List<LogEvent> events = waiter.allLogs(spec.name());
        for (String host : List.of("algo-1", "algo-2")) {
            assertThat(events).filteredOn(e -> e.host().equals(host)).extracting(LogEvent::message)
                    .as("lines of %s", host).containsSubsequence(ScriptedContainer.SUCCESS_LINES);
        }
        assertThat(storage().exists(spec.modelArtifactUri())).isTrue();
    }

    @Test
    void checkpoints_whenConfigured_areRestoredAtStartAndWhatTheJobWroteIsKept(@TempDir Path tmp) throws IOException {
        assumeTrue(syncsCheckpoints(), "the backend under test does not sync checkpoints");
        StorageUri location = base.resolve("checkpoints/");
        Path seed = Files.writeString(tmp.resolve("seed.bin"), "from an earlier run");
        storage().put(seed, location.resolve("nested/seed.bin"));
        TrainingJobSpec first = spec(ContainerBehaviour.SUCCEED, b -> b.checkpoint(CheckpointConfig.of(location)));
        submit(first);
        assertThat(waiter.awaitEnd(first.name()).state()).isEqualTo(JobState.COMPLETED);
        TrainingJobSpec second = spec(ContainerBehaviour.SUCCEED, b -> b.checkpoint(CheckpointConfig.of(location)));
        submit(second);
        assertThat(waiter.awaitEnd(second.name()).state()).isEqualTo(JobState.COMPLETED);

        String firstModel = modelText(first, tmp.resolve("first.tar.gz"));
        String secondModel = modelText(second, tmp.resolve("second.tar.gz"));
        String runs = "algo-1-" + ScriptedContainer.CHECKPOINT_RUNS_FILE;
        assertThat(firstModel).as("the first job saw what was at the location").contains("checkpoints=nested/seed.bin\n");
        assertThat(secondModel).as("the second job saw the first one's checkpoint").contains("checkpoints=" + runs + ",nested/seed.bin\n");
        Path kept = storage().get(location.resolve(runs), tmp.resolve("runs.txt"));
        assertThat(Files.readString(kept).trim()).as("the count the second job left at the location").isEqualTo("2");
    }

    private String modelText(TrainingJobSpec spec, Path archive) {
        return new String(TarGzFixtures.read(storage().get(spec.modelArtifactUri(), archive)).get(ScriptedContainer.MODEL_FILE),
                StandardCharsets.UTF_8);
    }

    /** The scenario's spec: the adapter's container for {@code behaviour} plus name, channel, output and metric. */
    protected TrainingJobSpec spec(ContainerBehaviour behaviour, Consumer<TrainingJobSpec.Builder> tweak) {
        TrainingJobSpec.Builder b = containerFor(behaviour)
                .name(JobName.generate("contract-" + behaviour.wireName()))
                .channel("train", base.resolve("input/train/"))
                .outputPath(base.resolve("output/"))
                .metric(ScriptedContainer.METRIC_NAME, ScriptedContainer.METRIC_REGEX)
                .resources(Resources.of(instanceType(), 1));
        tweak.accept(b);
        return b.build();
    }

    /** Submits {@code spec} and remembers it so that it is stopped after the test if still running. */
    protected JobDescription submit(TrainingJobSpec spec) {
        submitted.add(spec.name());
        return backend().submit(spec);
    }

    private void assertNoModelPublished(TrainingJobSpec spec, JobDescription done) {
        assertThat(done.modelArtifact()).isNull();
        assertThat(storage().exists(spec.modelArtifactUri())).as("model.tar.gz of a failed job").isFalse();
    }

    /** As SageMaker does for a stopped job: what the container saved in /opt/ml/model is published and reported. */
    private void assertPartialModelPublished(TrainingJobSpec spec, JobDescription done, Path tmp) {
        assertThat(done.modelArtifact()).as("the model artifact of a stopped job whose container saved a model")
                .isEqualTo(spec.modelArtifactUri());
        assertThat(JobOutcome.of(done)).isInstanceOfSatisfying(JobOutcome.Stopped.class,
                s -> assertThat(s.modelArtifactIfAny()).contains(spec.modelArtifactUri()));
        Path archive = storage().get(spec.modelArtifactUri(), tmp.resolve("stopped-model.tar.gz"));
        byte[] partial = TarGzFixtures.read(archive).get(ScriptedContainer.PARTIAL_MODEL_FILE);
        assertThat(partial).as("%s in the stopped job's model.tar.gz", ScriptedContainer.PARTIAL_MODEL_FILE).isNotNull();
        assertThat(new String(partial, StandardCharsets.UTF_8)).isEqualTo(ScriptedContainer.PARTIAL_MODEL_TEXT);
    }

    /** Reads {@code name}'s whole log from the start (the job should have ended). */
    protected List<LogEvent> allLogs(JobName name) {
        return waiter.allLogs(name);
    }

    /** Waits until {@code name} has logged {@code line}. */
    protected void awaitLogLine(JobName name, String line) {
        waiter.awaitLogLine(name, line);
    }

    /** Polls until {@code name} ends, failing after {@link #jobTimeout()}. */
    protected JobDescription awaitEnd(JobName name) {
        return waiter.awaitEnd(name);
    }
}
