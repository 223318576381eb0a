package dev.drydock.aws.emulator;

import dev.drydock.aws.CloudWatchLogReader;
import dev.drydock.aws.SageMakerTrainingBackend;
import dev.drydock.core.error.DrydockException;
import dev.drydock.core.model.JobState;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.core.tuning.LocalTuningBackend;
import dev.drydock.core.tuning.TrialSummary;
import dev.drydock.core.tuning.TuningJobDescription;
import dev.drydock.core.tuning.TuningJobName;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.FinalHyperParameterTuningJobObjectiveMetric;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.ListTagsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsForHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsForHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ObjectiveStatusCounters;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.StopHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.StopHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatusCounters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The emulator's Automatic Model Tuning: a create request is read back into a spec
 * ({@link TuningSpecFromCreateRequest}) and run by drydock's {@link LocalTuningBackend} over a
 * {@link SageMakerTrainingBackend} on the emulator itself, so that every trial is a CreateTrainingJob through the
 * emulator, as on SageMaker, and DescribeTrainingJob finds it. Answers are written as SageMaker writes them.
 */
final class EmulatedTuning {
    private static final String ARN_PREFIX = "arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/";

    private final LocalTuningBackend tuner;
    private final Map<String, CreateHyperParameterTuningJobRequest> created = new LinkedHashMap<>();
    private final AtomicInteger throttles = new AtomicInteger();

    EmulatedTuning(SageMakerEmulator sageMaker, TrainingBackend local, Path root) {
        TrainingBackend viaWire = SageMakerTrainingBackend.builder().sageMaker(sageMaker)
                .logs(new CloudWatchLogReader(new EmulatedCloudWatchLogs(sageMaker, local))).build();
        this.tuner = LocalTuningBackend.over(viaWire, root).withPollInterval(Duration.ofMillis(50));
    }

    /** The next {@code count} tuning calls answer with ThrottlingException, as SageMaker does under load. */
    void throttleNext(int count) {
        throttles.set(count);
    }

    synchronized CreateHyperParameterTuningJobResponse create(CreateHyperParameterTuningJobRequest request) {
        throttleIfAsked();
        String name = request.hyperParameterTuningJobName();
        if (name != null && created.containsKey(name)) {
            throw ServiceErrors.validation("Hyperparameter tuning job " + name + " already exists (" + arn(name) + ")");
        }
        try {
            tuner.submit(TuningSpecFromCreateRequest.read(request));
        } catch (DrydockException | IllegalArgumentException e) {
            throw ServiceErrors.validation(e.getMessage());
        }
        created.put(name, request);
        return CreateHyperParameterTuningJobResponse.builder().hyperParameterTuningJobArn(arn(name)).build();
    }

    DescribeHyperParameterTuningJobResponse describe(DescribeHyperParameterTuningJobRequest request) {
        throttleIfAsked();
        CreateHyperParameterTuningJobRequest create = known(request.hyperParameterTuningJobName());
        TuningJobDescription d = tuner.describe(TuningJobName.of(create.hyperParameterTuningJobName()));
        Map<JobState, Integer> counts = d.countsByState();
        long failed = d.trials().stream().filter(t -> t.state() == JobState.FAILED).count();
        long withObjective = d.trials().stream().filter(t -> t.objective() != null).count();
        long pending = d.trials().stream().filter(t -> !t.state().isTerminal()).count();
        DescribeHyperParameterTuningJobResponse.Builder b = DescribeHyperParameterTuningJobResponse.builder()
                .hyperParameterTuningJobName(create.hyperParameterTuningJobName())
                .hyperParameterTuningJobArn(arn(create.hyperParameterTuningJobName()))
                .hyperParameterTuningJobConfig(create.hyperParameterTuningJobConfig())
                .trainingJobDefinition(create.trainingJobDefinition())
                .warmStartConfig(create.warmStartConfig())
                .hyperParameterTuningJobStatus(d.status().wireName())
                .creationTime(d.created())
                .hyperParameterTuningEndTime(d.ended())
                .failureReason(d.failureReason())
                .trainingJobStatusCounters(TrainingJobStatusCounters.builder()
                        .completed(counts.get(JobState.COMPLETED))
                        .inProgress(counts.get(JobState.IN_PROGRESS) + counts.get(JobState.STOPPING))
                        .stopped(counts.get(JobState.STOPPED))
                        .nonRetryableError((int) failed).retryableError(0).build())
                .objectiveStatusCounters(ObjectiveStatusCounters.builder().succeeded((int) withObjective)
                        .pending((int) pending).failed((int) (d.trials().size() - withObjective - pending)).build());
        d.bestTrial().ifPresent(best -> b.bestTrainingJob(summary(create, best)));
        return b.build();
    }

    ListTrainingJobsForHyperParameterTuningJobResponse listTrials(ListTrainingJobsForHyperParameterTuningJobRequest request) {
        throttleIfAsked();
        CreateHyperParameterTuningJobRequest create = known(request.hyperParameterTuningJobName());
        List<TrialSummary> trials = tuner.describe(TuningJobName.of(create.hyperParameterTuningJobName())).trials();
        int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
        int size = request.maxResults() == null ? 10 : request.maxResults();
        int to = Math.min(trials.size(), from + size);
        return ListTrainingJobsForHyperParameterTuningJobResponse.builder()
                .trainingJobSummaries(trials.subList(from, to).stream().map(t -> summary(create, t)).toList())
                .nextToken(to < trials.size() ? String.valueOf(to) : null).build();
    }

    StopHyperParameterTuningJobResponse stop(StopHyperParameterTuningJobRequest request) {
        throttleIfAsked();
        CreateHyperParameterTuningJobRequest create = known(request.hyperParameterTuningJobName());
        TuningJobName name = TuningJobName.of(create.hyperParameterTuningJobName());
        TuningJobDescription d = tuner.describe(name);
        if (d.status().isTerminal()) {
            throw ServiceErrors.validation("The request was rejected because the tuning job is in status " + d.status().wireName() + ".");
        }
        tuner.stop(name);
        return StopHyperParameterTuningJobResponse.builder().build();
    }

    /** The tags of the tuning job of {@code arn}, if it is one. */
    synchronized Optional<ListTagsResponse> tags(String arn) {
        for (CreateHyperParameterTuningJobRequest create : created.values()) {
            if (arn(create.hyperParameterTuningJobName()).equals(arn)) {
                return Optional.of(ListTagsResponse.builder().tags(create.tags()).build());
            }
        }
        return Optional.empty();
    }

    private static HyperParameterTrainingJobSummary summary(CreateHyperParameterTuningJobRequest create, TrialSummary t) {
        HyperParameterTrainingJobSummary.Builder b = HyperParameterTrainingJobSummary.builder()
                .trainingJobName(t.name().value())
                .trainingJobArn("arn:aws:sagemaker:us-east-1:123456789012:training-job/" + t.name().value().toLowerCase(Locale.ROOT))
                .tuningJobName(create.hyperParameterTuningJobName())
                .creationTime(t.created())
                .trainingEndTime(t.ended())
                .trainingJobStatus(t.state().wireName())
                .tunedHyperParameters(t.tunedHyperparameters())
                .failureReason(t.failureReason())
                .objectiveStatus(t.objective() != null ? "Succeeded" : t.state().isTerminal() ? "Failed" : "Pending");
        if (t.objective() != null) {
            b.finalHyperParameterTuningJobObjectiveMetric(FinalHyperParameterTuningJobObjectiveMetric.builder()
                    .metricName(create.hyperParameterTuningJobConfig().hyperParameterTuningJobObjective().metricName())
                    .type(create.hyperParameterTuningJobConfig().hyperParameterTuningJobObjective().typeAsString())
                    .value(t.objective().floatValue()).build());
        }
        return b.build();
    }

    private synchronized CreateHyperParameterTuningJobRequest known(String name) {
        CreateHyperParameterTuningJobRequest create = name == null ? null : created.get(name);
        if (create == null) {
            throw ServiceErrors.notFound();
        }
        return create;
    }

    private void throttleIfAsked() {
        if (throttles.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw (SageMakerException) SageMakerException.builder().awsErrorDetails(AwsErrorDetails.builder()
                    .errorCode("ThrottlingException").errorMessage("Rate exceeded").serviceName("SageMaker").build())
                    .statusCode(400).message("Rate exceeded").build();
        }
    }

    private static String arn(String name) {
        return ARN_PREFIX + name.toLowerCase(Locale.ROOT);
    }
}
