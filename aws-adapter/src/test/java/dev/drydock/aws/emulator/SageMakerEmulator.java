package dev.drydock.aws.emulator;

import dev.drydock.core.error.DrydockException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.TrainingBackend;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTagsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.SortBy;
import software.amazon.awssdk.services.sagemaker.model.SortOrder;
import software.amazon.awssdk.services.sagemaker.model.StopTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.StopTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A SageMaker test double that <em>runs</em> the training jobs it is given, under the real container contract, on
 * drydock's local engine (in the contract IT: a {@code ChildProcessTrainingBackend} over {@code S3Storage} against
 * S3Mock, so channels are staged from S3 and the model is published to S3).
 *
 * <ul>
 *   <li>CreateTrainingJob reads the SDK request back into a spec ({@link SpecFromCreateRequest}, an independent reverse
 *       mapping: a round trip through the real SDK model catches mistakes of the production forward mapping) and
 *       submits it; a taken name is {@code ResourceInUse}, as on SageMaker, whatever the spec.</li>
 *   <li>DescribeTrainingJob answers as SageMaker would ({@link DescribeResponseWriter}); an unknown job is
 *       {@code ValidationException: Requested resource not found.}</li>
 *   <li>StopTrainingJob stops an InProgress job and refuses any other with SageMaker's status message.</li>
 *   <li>ListTrainingJobs sorts and pages; ListTags returns the tags of the create request.</li>
 * </ul>
 * Logs go through {@link EmulatedCloudWatchLogs}. Only these calls are implemented; every other SDK call throws
 * {@link UnsupportedOperationException} (the interface's default). Thread-safe.
 */
public final class SageMakerEmulator implements SageMakerClient {
    private static final String ARN_PREFIX = "arn:aws:sagemaker:us-east-1:123456789012:training-job/";

    private final TrainingBackend local;
    private final Map<String, CreateTrainingJobRequest> created = new LinkedHashMap<>();
    private volatile EmulatedTuning tuning;

    /** An emulator running every job on {@code local}. */
    public SageMakerEmulator(TrainingBackend local) {
        this.local = Objects.requireNonNull(local, "local");
    }

    @Override
    public synchronized CreateTrainingJobResponse createTrainingJob(CreateTrainingJobRequest request) {
        String name = request.trainingJobName();
        if (name != null && created.containsKey(name)) {
            throw ServiceErrors.resourceInUse(arn(name));
        }
        TrainingJobSpec spec;
        try {
            spec = SpecFromCreateRequest.read(request);
            local.submit(spec);
        } catch (DrydockException | IllegalArgumentException e) {
            throw ServiceErrors.validation(e.getMessage());
        }
        created.put(name, request);
        return CreateTrainingJobResponse.builder().trainingJobArn(arn(name)).build();
    }

    @Override
    public DescribeTrainingJobResponse describeTrainingJob(DescribeTrainingJobRequest request) {
        CreateTrainingJobRequest create = known(request.trainingJobName());
        return DescribeResponseWriter.write(create, arn(create.trainingJobName()), local.describe(JobName.of(create.trainingJobName())));
    }

    @Override
    public StopTrainingJobResponse stopTrainingJob(StopTrainingJobRequest request) {
        CreateTrainingJobRequest create = known(request.trainingJobName());
        JobName name = JobName.of(create.trainingJobName());
        JobState state = local.describe(name).state();
        if (state != JobState.IN_PROGRESS) {
            throw ServiceErrors.validation("The request was rejected because the training job is in status "
                    + state.wireName() + ".");
        }
        local.stop(name);
        return StopTrainingJobResponse.builder().build();
    }

    @Override
    public ListTrainingJobsResponse listTrainingJobs(ListTrainingJobsRequest request) {
        List<JobDescription> jobs = new ArrayList<>();
        for (String name : names()) {
            jobs.add(local.describe(JobName.of(name)));
        }
        Comparator<JobDescription> order = request.sortBy() == SortBy.NAME
                ? Comparator.comparing(d -> d.name().value()) : Comparator.comparing(JobDescription::created);
        // SageMaker sorts descending unless asked otherwise.
        jobs.sort(request.sortOrder() == SortOrder.ASCENDING ? order : order.reversed());
        int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
        int size = request.maxResults() == null ? 10 : request.maxResults();
        int to = Math.min(jobs.size(), from + size);
        List<TrainingJobSummary> page = jobs.subList(from, to).stream()
                .map(d -> DescribeResponseWriter.summary(arn(d.name().value()), d)).toList();
        return ListTrainingJobsResponse.builder().trainingJobSummaries(page)
                .nextToken(to < jobs.size() ? String.valueOf(to) : null).build();
    }

    /**
     * Turns on Automatic Model Tuning (Create/Describe/Stop HyperParameterTuningJob, ListTrainingJobsFor...), its
     * tuning jobs kept below {@code root}; each trial is a CreateTrainingJob through this emulator.
     */
    public SageMakerEmulator withTuning(java.nio.file.Path root) {
        this.tuning = new EmulatedTuning(this, local, root);
        return this;
    }

    /** The next {@code count} tuning calls answer ThrottlingException. */
    public void throttleNextTuningCalls(int count) {
        tuning().throttleNext(count);
    }

    @Override
    public software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobResponse createHyperParameterTuningJob(
            software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobRequest request) {
        return tuning().create(request);
    }

    @Override
    public software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse describeHyperParameterTuningJob(
            software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobRequest request) {
        return tuning().describe(request);
    }

    @Override
    public software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsForHyperParameterTuningJobResponse
            listTrainingJobsForHyperParameterTuningJob(
            software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsForHyperParameterTuningJobRequest request) {
        return tuning().listTrials(request);
    }

    @Override
    public software.amazon.awssdk.services.sagemaker.model.StopHyperParameterTuningJobResponse stopHyperParameterTuningJob(
            software.amazon.awssdk.services.sagemaker.model.StopHyperParameterTuningJobRequest request) {
        return tuning().stop(request);
    }

    private EmulatedTuning tuning() {
        EmulatedTuning t = tuning;
        if (t == null) {
            throw new UnsupportedOperationException("tuning is off in this emulator: build it with withTuning(root)");
        }
        return t;
    }

    @Override
    public synchronized ListTagsResponse listTags(ListTagsRequest request) {
        EmulatedTuning t = tuning;
        if (t != null) {
            java.util.Optional<ListTagsResponse> tuningTags = t.tags(request.resourceArn());
            if (tuningTags.isPresent()) {
                return tuningTags.get();
            }
        }
        for (CreateTrainingJobRequest create : created.values()) {
            if (arn(create.trainingJobName()).equals(request.resourceArn())) {
                return ListTagsResponse.builder().tags(SpecFromCreateRequest.tags(create)).build();
            }
        }
        throw ServiceErrors.notFound();
    }

    @Override
    public String serviceName() {
        return "sagemaker";
    }

    @Override
    public void close() {
    }

    private synchronized CreateTrainingJobRequest known(String name) {
        CreateTrainingJobRequest create = name == null ? null : created.get(name);
        if (create == null) {
            throw ServiceErrors.notFound();
        }
        return create;
    }

    /** The hosts of job {@code name} ({@code algo-1} .. {@code algo-N}); none for a job never created. */
    synchronized List<String> hostNames(String name) {
        CreateTrainingJobRequest create = created.get(name);
        if (create == null) {
            return List.of();
        }
        return java.util.stream.IntStream.rangeClosed(1, create.resourceConfig().instanceCount()).mapToObj(i -> "algo-" + i).toList();
    }

    private synchronized List<String> names() {
        return List.copyOf(created.keySet());
    }

    /** SageMaker's ARN of a job: the name lower-cased. */
    private static String arn(String name) {
        return ARN_PREFIX + name.toLowerCase(Locale.ROOT);
    }
}
