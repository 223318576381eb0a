package dev.drydock.core.tuning;

import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.JobNotFoundException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.LogPage;
import dev.drydock.core.model.MetricDefinition;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.TrainingBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The loop that runs one local tuning job on its own thread: it starts trials up to the parallel limit, reads each
 * running trial's objective from its log lines, applies early stopping or Hyperband's halving, checks the completion
 * criteria and the stop marker, and records every change in the {@link TuningFolder}. Started again on a folder whose
 * process died, it takes up the recorded trials (following those still running, submitting again those the training
 * backend lost) and runs only what is left.
 */
final class TuningRun implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(TuningRun.class);
    /** How long stopped trials get to end before the tuning job is recorded as ended anyway (SIGKILL comes at 120 s). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(150);
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);

    private final TuningJobSpec spec;
    private final TrainingBackend training;
    private final TuningFolder folder;
    private final Duration poll;
    private final List<Observation> parentObservations;
    private final SearchStrategy strategy;
    private final MetricDefinition objectiveMetric;
    private final Map<JobName, TrialSummary> trials = new LinkedHashMap<>();
    private final Map<JobName, LogCursor> cursors = new LinkedHashMap<>();
    private final Instant created;
    private boolean exhausted;
    private Instant lastHeartbeat = Instant.EPOCH;

    TuningRun(TuningJobSpec spec, TrainingBackend training, TuningFolder folder, Duration poll, long seed,
              List<Observation> parentObservations) {
        this.spec = spec;
        this.training = training;
        this.folder = folder;
        this.poll = poll;
        this.parentObservations = List.copyOf(parentObservations);
        this.strategy = SearchStrategy.of(spec, seed);
        this.objectiveMetric = spec.objectiveDefinition();
        this.created = Instant.parse(folder.readJob().getProperty("created"));
    }

    @Override
    public void run() {
        try {
            for (TrialSummary t : folder.readTrials()) {
                trials.put(t.name(), t);
            }
            recoverUnfinished();
            while (true) {
                followRunning();
                if (folder.stopRequested()) {
                    finish(TuningJobStatus.STOPPED, "StopRequested", null);
                    return;
                }
                if (spec.limits().maxRuntimeIfAny().map(max -> Instant.now().isAfter(created.plus(max))).orElse(false)) {
                    finish(TuningJobStatus.STOPPED, "MaxRuntimeExceeded", null);
                    return;
                }
                applyStoppingRules();
                Optional<String> met = CompletionCheck.met(spec, endedTrials());
                if (met.isPresent()) {
                    finish(TuningJobStatus.COMPLETED, met.get(), null);
                    return;
                }
                launch();
                if (running().isEmpty() && (trials.size() >= spec.maxTrials() || exhausted)) {
                    boolean anyResult = trials.values().stream().anyMatch(t -> t.objective() != null);
                    String reasons = trials.values().stream().map(TrialSummary::failureReason).filter(r -> r != null)
                            .findFirst().map(r -> ": " + r).orElse("");
                    if (anyResult) {
                        finish(TuningJobStatus.COMPLETED, "MaxNumberOfTrainingJobsReached", null);
                    } else {
                        finish(TuningJobStatus.FAILED, "NoTrialReportedTheObjective", "no trial reported the objective "
                                + spec.objective().metricName() + " (check the metric definition's regex against the"
                                + " trainer's log lines)" + reasons);
                    }
                    return;
                }
                heartbeat();
                Thread.sleep(poll.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.error("local tuning job {} failed", spec.name(), e);
            writeStatus(TuningJobStatus.FAILED, "TunerFailed", "the local tuner failed: " + e);
        }
    }

    /** Trials recorded as running by a process that died: follow them, or submit them again if the backend lost them. */
    private void recoverUnfinished() {
        for (TrialSummary t : running()) {
            try {
                training.describe(t.name());
            } catch (JobNotFoundException e) {
                submitTrial(t.name(), t.tunedHyperparameters());
            }
            // The log is read again from the start: the values read before the crash are not kept twice.
            trials.put(t.name(), withIntermediate(t, List.of()));
        }
    }

    private void launch() {
        while (!exhausted && running().size() < spec.limits().maxParallelTrainingJobs() && trials.size() < spec.maxTrials()) {
            int number = trials.size() + 1;
            List<Map<String, String>> pending = running().stream().map(TrialSummary::tunedHyperparameters).toList();
            Optional<Map<String, String>> next = strategy.next(number, observations(), pending);
            if (next.isEmpty()) {
                exhausted = true;
                return;
            }
            Map<String, String> values = next.get();
            JobName name = spec.name().trialName(number, new TreeMap<>(values).toString());
            TrialSummary trial = new TrialSummary(name, values, JobState.IN_PROGRESS, null, List.of(), false,
                    Instant.now(), null, null);
            trials.put(name, trial);
            folder.writeTrial(trial);
            try {
                submitTrial(name, values);
            } catch (DrydockException e) {
                // A trial the backend refuses is a failed trial, as SageMaker counts it; the search goes on.
                end(trial, JobState.FAILED, null, "could not start the training job: " + e.getMessage());
            }
        }
    }

    private void submitTrial(JobName name, Map<String, String> values) {
        TrainingJobSpec.Builder b = spec.trainingTemplate().toBuilder().name(name);
        values.forEach(b::hyperparameter);
        b.tag("drydock:tuning-job", spec.name().value());
        training.submit(b.build());
    }

    private void followRunning() {
        for (TrialSummary t : running()) {
            List<Double> values = new ArrayList<>(t.intermediateObjective());
            LogCursor cursor = cursors.getOrDefault(t.name(), LogCursor.START);
            for (int page = 0; page < 100; page++) {
                LogPage logs = training.readLogs(t.name(), cursor);
                cursor = logs.next();
                for (LogEvent event : logs.events()) {
                    OptionalDouble value = objectiveMetric.extract(event.message());
                    if (value.isPresent()) {
                        values.add(value.getAsDouble());
                    }
                }
                if (logs.events().isEmpty()) {
                    break;
                }
            }
            cursors.put(t.name(), cursor);
            TrialSummary updated = withIntermediate(t, values);
            JobDescription d = training.describe(t.name());
            if (d.state().isTerminal()) {
                Double objective = d.finalMetrics().get(objectiveMetric.name());
                if (objective == null && !values.isEmpty()) {
                    objective = values.get(values.size() - 1);
                }
                trials.put(t.name(), updated);
                end(updated, d.state(), objective, d.failureReason());
            } else if (values.size() != t.intermediateObjective().size()) {
                trials.put(t.name(), updated);
                folder.writeTrial(updated);
            }
        }
    }

    private void applyStoppingRules() {
        ObjectiveType type = spec.objective().type();
        for (TrialSummary t : running()) {
            if (t.earlyStopped()) {
                continue;
            }
            List<Double> current = losses(t, type);
            boolean stop = false;
            if (spec.strategy() == TuningStrategy.HYPERBAND) {
                List<List<Double>> others = trials.values().stream().filter(o -> !o.name().equals(t.name()))
                        .map(o -> losses(o, type)).toList();
                stop = StoppingRules.successiveHalvingStops(spec.hyperband(), current, others);
            } else if (spec.earlyStopping() == EarlyStopping.AUTO) {
                List<List<Double>> earlier = endedTrials().stream().filter(o -> o.state() == JobState.COMPLETED)
                        .map(o -> losses(o, type)).toList();
                stop = StoppingRules.medianRuleStops(current, earlier);
            }
            if (stop) {
                LOG.info("tuning job {}: stopping trial {} early (objective {} after {} values)", spec.name(), t.name(),
                        t.intermediateObjective().get(t.intermediateObjective().size() - 1), current.size());
                TrialSummary marked = new TrialSummary(t.name(), t.tunedHyperparameters(), t.state(), t.objective(),
                        t.intermediateObjective(), true, t.created(), t.ended(), t.failureReason());
                trials.put(t.name(), marked);
                folder.writeTrial(marked);
                training.stop(t.name());
            }
        }
    }

    private void finish(TuningJobStatus status, String reason, String failure) throws InterruptedException {
        if (!running().isEmpty()) {
            writeStatus(TuningJobStatus.STOPPING, reason, null);
            running().forEach(t -> training.stop(t.name()));
            Instant deadline = Instant.now().plus(STOP_WAIT);
            while (!running().isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(poll.toMillis());
                followRunning();
            }
        }
        writeStatus(status, reason, failure);
    }

    private void writeStatus(TuningJobStatus status, String reason, String failure) {
        Properties job = folder.readJob();
        job.setProperty("status", status.wireName());
        if (reason != null) {
            job.setProperty("endReason", reason);
        }
        if (failure != null) {
            job.setProperty("failureReason", failure);
        }
        if (status.isTerminal()) {
            job.setProperty("ended", Instant.now().toString());
        }
        folder.writeJob(job);
    }

    private void heartbeat() {
        Instant now = Instant.now();
        if (Duration.between(lastHeartbeat, now).compareTo(HEARTBEAT) >= 0) {
            Properties job = folder.readJob();
            job.setProperty("heartbeat", now.toString());
            job.setProperty("ownerPid", Long.toString(ProcessHandle.current().pid()));
            folder.writeJob(job);
            lastHeartbeat = now;
        }
    }

    private void end(TrialSummary t, JobState state, Double objective, String failureReason) {
        TrialSummary ended = new TrialSummary(t.name(), t.tunedHyperparameters(), state, objective,
                t.intermediateObjective(), t.earlyStopped(), t.created(), Instant.now(), failureReason);
        trials.put(t.name(), ended);
        folder.writeTrial(ended);
        LOG.info("tuning job {}: trial {} ended {} with {} {}", spec.name(), t.name(), state.wireName(),
                objectiveMetric.name(), objective);
    }

    private List<Observation> observations() {
        List<Observation> observed = new ArrayList<>(parentObservations);
        for (TrialSummary t : endedTrials()) {
            if (t.objective() != null && !t.objective().isNaN()) {
                observed.add(new Observation(t.tunedHyperparameters(), spec.objective().type().asLoss(t.objective())));
            }
        }
        return observed;
    }

    private List<TrialSummary> running() {
        return trials.values().stream().filter(t -> !t.state().isTerminal()).toList();
    }

    private List<TrialSummary> endedTrials() {
        return trials.values().stream().filter(t -> t.state().isTerminal()).toList();
    }

    private static List<Double> losses(TrialSummary t, ObjectiveType type) {
        return t.intermediateObjective().stream().map(type::asLoss).toList();
    }

    private static TrialSummary withIntermediate(TrialSummary t, List<Double> values) {
        return new TrialSummary(t.name(), t.tunedHyperparameters(), t.state(), t.objective(), values, t.earlyStopped(),
                t.created(), t.ended(), t.failureReason());
    }
}
