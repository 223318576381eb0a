package dev.drydock.testkit;

import dev.drydock.core.Backend;
import dev.drydock.core.Drydock;
import dev.drydock.core.JobListener;
import dev.drydock.core.TrainedModel;
import dev.drydock.core.TrainingJob;
import dev.drydock.core.TrainingRequest;
import dev.drydock.core.WorkflowPhase;
import dev.drydock.core.error.JobNotFoundException;
import dev.drydock.core.model.JobOutcome;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.model.StorageUri;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link Backend} contract: the whole workflow through {@link Drydock#on(Backend)}, end to end (upload a local
 * input, submit, follow, logs, stop, bring the model home), with {@link ScriptedContainer} as the training program.
 * Every backend extends it in a few lines, as every adapter of a port extends that port's contract test; a backend
 * that passes it runs drydock's workflow as the others do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendContractTest {

    /** The content of the local input uploaded as channel {@code train}. */
    protected static final String TRAIN_DATA = "a,b\n1,2\n";

    @TempDir
    Path local;

    private Backend backend;

    /** A new backend under test; built once per test class and closed after it. */
    protected abstract Backend createBackend();

    /**
     * A request whose container performs {@code behaviour}: the image, and whatever else the backend needs to run
     * {@link ScriptedContainer} with it (most call {@link ContainerBehaviour#applyTo} in {@code spec}). The contract
     * adds the job name, the local input, the metric definition and the stopping condition.
     */
    protected abstract TrainingRequest.Builder requestFor(ContainerBehaviour behaviour);

    /** How long a scenario may take to end. */
    protected Duration jobTimeout() {
        return Duration.ofSeconds(90);
    }

    /** The backend under test. */
    protected final Backend backend() {
        if (backend == null) {
            backend = createBackend();
        }
        return backend;
    }

    @AfterAll
    void closeBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void submit_whenContainerSucceeds_uploadsTheInputFollowsTheJobAndBringsTheModelHome() throws IOException {
        Recorder events = new Recorder();
        String name = uniqueName();
        try (Drydock drydock = Drydock.on(backend())) {
            TrainingJob job = drydock.submit(request(ContainerBehaviour.SUCCEED, name), events);
            JobOutcome outcome = job.await(jobTimeout());

            assertThat(outcome).as("outcome of %s", name).isInstanceOf(JobOutcome.Succeeded.class);
            TrainedModel model = job.trainedModel();
            assertThat(model.modelDirectory().resolve(ScriptedContainer.MODEL_FILE)).isRegularFile();
            assertThat(model.modelDirectory()).startsWith(backend().workDirectory());
            assertThat(model.description().finalMetrics())
                    .containsEntry(ScriptedContainer.METRIC_NAME, ScriptedContainer.FINAL_METRIC);
            assertThat(events.phases).contains(WorkflowPhase.UPLOADING_INPUTS, WorkflowPhase.SUBMITTING, WorkflowPhase.RUNNING);
            assertThat(events.ended).hasSize(1);
            StorageUri staged = backend().stagingPrefix().resolve(name + "/input/train/train.csv");
            assertThat(backend().storage().exists(staged)).as("input staged at %s", staged).isTrue();
            assertThat(messages(allLogs(drydock, name))).containsAll(ScriptedContainer.SUCCESS_LINES);
            assertThat(drydock.describe(name).state().isTerminal()).isTrue();
            assertThat(drydock.list(50)).anyMatch(s -> s.name().value().equals(name));
            assertThat(drydock.stop(name)).as("stop on an ended job sends nothing").isFalse();
        }
    }

    @Test
    void stop_whenJobRuns_endsItStoppedAndKeepsWhatTheContainerSaved() {
        String name = uniqueName();
        try (Drydock drydock = Drydock.on(backend())) {
            TrainingJob job = drydock.submit(request(ContainerBehaviour.SLEEP_UNTIL_STOPPED, name));
            awaitLogLine(drydock, name, ScriptedContainer.SLEEPING_LINE);

            assertThat(drydock.stop(name)).isTrue();
            JobOutcome outcome = job.await(jobTimeout());

            assertThat(outcome).isInstanceOf(JobOutcome.Stopped.class);
            assertThat(job.trainedModel().modelDirectory().resolve(ScriptedContainer.PARTIAL_MODEL_FILE)).isRegularFile();
        }
    }

    @Test
    void submit_whenContainerFails_outcomeCarriesTheFailureFilesReason() {
        String name = uniqueName();
        try (Drydock drydock = Drydock.on(backend())) {
            JobOutcome outcome = drydock.submit(request(ContainerBehaviour.FAIL_WITH_REASON, name)).await(jobTimeout());

            assertThat(outcome).isInstanceOf(JobOutcome.Failed.class);
            // SageMaker prefixes the failure file with "AlgorithmError: "; the file's text must be there either way.
            assertThat(((JobOutcome.Failed) outcome).reason()).contains(ScriptedContainer.FAILURE_TEXT.substring(0, 60));
        }
    }

    @Test
    void attach_fromAnotherDrydockOnTheSameBackend_followsTheSameJobToItsEnd() {
        String name = uniqueName();
        try (Drydock first = Drydock.on(backend()); Drydock second = Drydock.on(backend())) {
            first.submit(request(ContainerBehaviour.SUCCEED, name));
            JobOutcome outcome = second.attach(name, JobListener.none()).await(jobTimeout());

            assertThat(outcome).isInstanceOf(JobOutcome.Succeeded.class);
        }
    }

    @Test
    void describe_whenNoSuchJob_throwsNotFound() {
        try (Drydock drydock = Drydock.on(backend())) {
            assertThatThrownBy(() -> drydock.describe("no-such-job-" + UUID.randomUUID().toString().substring(0, 8)))
                    .isInstanceOf(JobNotFoundException.class);
        }
    }

    @Test
    void values_areUsable_prefixesAndAnAbsoluteWorkDirectory() {
        assertThat(backend().name()).isNotBlank();
        assertThat(backend().stagingPrefix().isPrefix()).isTrue();
        assertThat(backend().defaultOutputPath().isPrefix()).isTrue();
        assertThat(backend().workDirectory().isAbsolute()).isTrue();
        assertThat(backend().pollPolicy()).isNotNull();
    }

    private TrainingRequest request(ContainerBehaviour behaviour, String name) {
        Path input = local.resolve(name).resolve("train.csv");
        try {
            Files.createDirectories(input.getParent());
            Files.writeString(input, TRAIN_DATA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return requestFor(behaviour).jobName(name).input("train", input, "text/csv")
                .spec(s -> s.metric(ScriptedContainer.METRIC_NAME, ScriptedContainer.METRIC_REGEX)
                        .maxRuntime(Duration.ofMinutes(10)))
                .build();
    }

    private static String uniqueName() {
        return "contract-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static List<LogEvent> allLogs(Drydock drydock, String name) {
        List<LogEvent> all = new ArrayList<>();
        LogCursor cursor = LogCursor.START;
        for (int page = 0; page < 100; page++) {
            LogPage p = drydock.logs(name, cursor);
            all.addAll(p.events());
            if (p.events().isEmpty() || p.next().equals(cursor)) {
                break;
            }
            cursor = p.next();
        }
        return all;
    }

    private void awaitLogLine(Drydock drydock, String name, String line) {
        Instant deadline = Instant.now().plus(jobTimeout());
        while (Instant.now().isBefore(deadline)) {
            if (messages(allLogs(drydock, name)).contains(line)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + line, e);
            }
        }
        throw new AssertionError("job " + name + " never logged \"" + line + "\" within " + jobTimeout());
    }

    private static List<String> messages(List<LogEvent> events) {
        return events.stream().map(LogEvent::message).toList();
    }

    /** What the listener heard. */
    private static final class Recorder implements JobListener {
        final List<WorkflowPhase> phases = new CopyOnWriteArrayList<>();
        final List<JobOutcome> ended = new CopyOnWriteArrayList<>();

        @Override
        public void onPhase(WorkflowPhase phase, String detail) {
            phases.add(phase);
        }

        @Override
        public void onEnded(JobOutcome outcome) {
            ended.add(outcome);
        }
    }
}
