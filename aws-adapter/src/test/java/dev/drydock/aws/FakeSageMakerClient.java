package dev.drydock.aws;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTagsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.MetricData;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;
import software.amazon.awssdk.services.sagemaker.model.StopTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.StopTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written SageMaker client that scripts realistic training-job lifecycles. Only the calls the backend uses are
 * implemented; every other call of the SDK interface throws UnsupportedOperationException (the interface's default).
 *
 * <p>Each describe advances a job one step through its script (Starting, LaunchingMLInstances, Downloading, Training,
 * Uploading, Completed, or a failure or stop), with SageMaker's secondary-status transitions and timestamps.
 */
final class FakeSageMakerClient implements SageMakerClient {
    /** A step of a job's scripted life. */
    record Step(String status, String secondary, String message) {
    }

    static final List<Step> COMPLETES = List.of(
            new Step("InProgress", "Starting", "Preparing the instances for training"),
            new Step("InProgress", "LaunchingMLInstances", "Launching requested ML instances"),
            new Step("InProgress", "Downloading", "Downloading input data"),
            new Step("InProgress", "Training", "Training image download completed. Training in progress."),
            new Step("InProgress", "Uploading", "Uploading generated training model"),
            new Step("Completed", "Completed", "Training job completed"));

    static List<Step> failsWith(String reason) {
        return List.of(new Step("InProgress", "Starting", "Preparing the instances for training"),
                new Step("InProgress", "Training", "Training in progress."),
                new Step("Failed", "Failed", reason));
    }

    final Map<String, Job> jobs = new LinkedHashMap<>();
    final List<CreateTrainingJobRequest> creates = new ArrayList<>();
    final AtomicInteger describeCalls = new AtomicInteger();
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final AtomicInteger clock = new AtomicInteger();
    private List<Step> nextScript = COMPLETES;
    private SageMakerException nextCreateError;
    private boolean loseNextCreateAnswer;

    /** A scripted job. */
    static final class Job {
        final CreateTrainingJobRequest request;
        final String arn;
        final Instant created;
        List<Step> script;
        int step;
        final List<SecondaryStatusTransition> transitions = new ArrayList<>();

        Job(CreateTrainingJobRequest request, Instant created, List<Step> script) {
            this.request = request;
            this.arn = "arn:aws:sagemaker:eu-west-1:123456789012:training-job/" + request.trainingJobName().toLowerCase();
            this.created = created;
            this.script = script;
        }

        Step current() {
            return script.get(Math.min(step, script.size() - 1));
        }
    }

    /** The next created job follows {@code script}. */
    FakeSageMakerClient nextJobScript(List<Step> script) {
        this.nextScript = script;
        return this;
    }

    /** The next {@code n} calls (of any kind) answer with throttling. */
    FakeSageMakerClient throttle(int n) {
        throttleNext.set(n);
        return this;
    }

    /** The next create fails with {@code error}. */
    FakeSageMakerClient failNextCreate(String code, String message) {
        this.nextCreateError = error(code, message, 400);
        return this;
    }

    /** The next create succeeds on the server but its answer is lost (HTTP 500 to the caller). */
    FakeSageMakerClient loseNextCreateAnswer() {
        this.loseNextCreateAnswer = true;
        return this;
    }

    /** Adds a job as if created earlier by someone else. */
    Job existing(CreateTrainingJobRequest request) {
        Job job = new Job(request, Instant.ofEpochSecond(1_700_000_000L + clock.incrementAndGet()), COMPLETES);
        jobs.put(request.trainingJobName(), job);
        return job;
    }

    @Override
    public CreateTrainingJobResponse createTrainingJob(CreateTrainingJobRequest request) {
        maybeThrottle();
        if (nextCreateError != null) {
            SageMakerException e = nextCreateError;
            nextCreateError = null;
            throw e;
        }
        if (jobs.containsKey(request.trainingJobName())) {
            throw error("ResourceInUse", "Training job names must be unique within an AWS account and region, and a"
                    + " training job with this name already exists (" + jobs.get(request.trainingJobName()).arn + ")", 400);
        }
        creates.add(request);
        Job job = new Job(request, Instant.ofEpochSecond(1_700_000_000L + clock.incrementAndGet() * 10L), nextScript);
        jobs.put(request.trainingJobName(), job);
        if (loseNextCreateAnswer) {
            loseNextCreateAnswer = false;
            throw error("InternalFailure", "We encountered an internal error. Please try again.", 500);
        }
        return CreateTrainingJobResponse.builder().trainingJobArn(job.arn).build();
    }

    @Override
    public DescribeTrainingJobResponse describeTrainingJob(DescribeTrainingJobRequest request) {
        maybeThrottle();
        describeCalls.incrementAndGet();
        Job job = jobs.get(request.trainingJobName());
        if (job == null) {
            throw error("ValidationException", "Requested resource not found.", 400);
        }
        Step step = job.current();
        Instant now = job.created.plusSeconds(60L * (job.step + 1));
        if (job.transitions.isEmpty() || !job.transitions.get(job.transitions.size() - 1).status().equals(step.secondary())) {
            if (!job.transitions.isEmpty()) {
                SecondaryStatusTransition last = job.transitions.remove(job.transitions.size() - 1);
                job.transitions.add(last.toBuilder().endTime(now).build());
            }
            boolean terminal = !step.status().equals("InProgress") && !step.status().equals("Stopping");
            job.transitions.add(SecondaryStatusTransition.builder().status(step.secondary()).startTime(now)
                    .endTime(terminal ? now : null).statusMessage(step.message()).build());
        }
        DescribeTrainingJobResponse.Builder r = DescribeTrainingJobResponse.builder()
                .trainingJobName(job.request.trainingJobName())
                .trainingJobArn(job.arn)
                .trainingJobStatus(step.status())
                .secondaryStatus(step.secondary())
                .secondaryStatusTransitions(job.transitions)
                .creationTime(job.created)
                .lastModifiedTime(now)
                .algorithmSpecification(job.request.algorithmSpecification())
                .roleArn(job.request.roleArn());
        boolean started = job.transitions.stream().anyMatch(t -> t.statusAsString().equals("Training"));
        if (started) {
            r.trainingStartTime(job.transitions.stream().filter(t -> t.statusAsString().equals("Training")).findFirst().get().startTime());
        }
        switch (step.status()) {
            case "Completed":
                r.trainingEndTime(now).billableTimeInSeconds(240)
                        .modelArtifacts(m -> m.s3ModelArtifacts(job.request.outputDataConfig().s3OutputPath()
                                + job.request.trainingJobName() + "/output/model.tar.gz"))
                        .finalMetricDataList(MetricData.builder().metricName("validation:rmse").value(0.125f).timestamp(now).build());
                break;
            case "Failed":
                r.trainingEndTime(now).failureReason(step.message()).billableTimeInSeconds(60);
                break;
            case "Stopped":
                r.trainingEndTime(now).billableTimeInSeconds(90);
                break;
            default:
                break;
        }
        if (job.step < job.script.size() - 1) {
            job.step++;
        }
        return r.build();
    }

    @Override
    public StopTrainingJobResponse stopTrainingJob(StopTrainingJobRequest request) {
        maybeThrottle();
        Job job = jobs.get(request.trainingJobName());
        if (job == null) {
            throw error("ValidationException", "Requested resource not found.", 400);
        }
        Step current = job.current();
        if (!current.status().equals("InProgress")) {
            throw error("ValidationException", "The request was rejected because the training job is in status "
                    + current.status() + ".", 400);
        }
        job.script = List.of(new Step("Stopping", "Stopping", "Stopping the training job"),
                new Step("Stopped", "Stopped", "The training job was stopped"));
        job.step = 0;
        return StopTrainingJobResponse.builder().build();
    }

    @Override
    public ListTrainingJobsResponse listTrainingJobs(ListTrainingJobsRequest request) {
        maybeThrottle();
        List<Job> sorted = new ArrayList<>(jobs.values());
        sorted.sort(Comparator.comparing((Job j) -> j.created).reversed());
        int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
        int size = request.maxResults() == null ? 10 : request.maxResults();
        int to = Math.min(sorted.size(), from + size);
        List<TrainingJobSummary> page = sorted.subList(from, to).stream().map(j -> TrainingJobSummary.builder()
                .trainingJobName(j.request.trainingJobName()).trainingJobArn(j.arn).creationTime(j.created)
                .trainingJobStatus(j.current().status()).build()).toList();
        return ListTrainingJobsResponse.builder().trainingJobSummaries(page)
                .nextToken(to < sorted.size() ? String.valueOf(to) : null).build();
    }

    @Override
    public ListTagsResponse listTags(ListTagsRequest request) {
        maybeThrottle();
        Job job = jobs.values().stream().filter(j -> j.arn.equals(request.resourceArn())).findFirst()
                .orElseThrow(() -> error("ValidationException", "Requested resource not found.", 400));
        return ListTagsResponse.builder().tags(job.request.tags()).build();
    }

    @Override
    public String serviceName() {
        return "sagemaker";
    }

    @Override
    public void close() {
    }

    private void maybeThrottle() {
        if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw error("ThrottlingException", "Rate exceeded", 400);
        }
    }

    static SageMakerException error(String code, String message, int status) {
        return (SageMakerException) SageMakerException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("SageMaker").build())
                .statusCode(status).message(message).build();
    }
}
