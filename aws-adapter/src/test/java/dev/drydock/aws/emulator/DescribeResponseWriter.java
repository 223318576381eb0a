package dev.drydock.aws.emulator;

import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.StatusTransition;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.MetricData;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers DescribeTrainingJob as SageMaker would for a job the local engine ran: its status names, its transitions
 * (the terminal one closed, as SageMaker closes it), a FailureReason with SageMaker's {@value #FAILURE_PREFIX} prefix
 * cut to the API's {@value #MAX_FAILURE_REASON} characters, final metrics as floats, the model where SageMaker puts it
 * (computed here from the request, not taken from the local engine), billable time only once the job ended.
 */
final class DescribeResponseWriter {
    /** What SageMaker puts before the container's failure file content. */
    static final String FAILURE_PREFIX = "AlgorithmError: ";
    /** The API's maximum length of FailureReason. */
    static final int MAX_FAILURE_REASON = 1024;

    private DescribeResponseWriter() {
    }

    /** The answer for the job created by {@code request} whose local state is {@code d}, known as {@code arn}. */
    static DescribeTrainingJobResponse write(CreateTrainingJobRequest request, String arn, JobDescription d) {
        boolean ended = d.state().isTerminal();
        DescribeTrainingJobResponse.Builder r = DescribeTrainingJobResponse.builder()
                .trainingJobName(request.trainingJobName())
                .trainingJobArn(arn)
                .trainingJobStatus(d.state().wireName())
                .secondaryStatus(d.secondaryStatus().wireName())
                .secondaryStatusTransitions(transitions(d))
                .creationTime(d.created())
                .trainingStartTime(d.trainingStarted())
                .trainingEndTime(ended ? d.trainingEnded() : null)
                .lastModifiedTime(d.lastModified())
                .roleArn(request.roleArn())
                .algorithmSpecification(request.algorithmSpecification())
                .hyperParameters(request.hyperParameters())
                .inputDataConfig(request.inputDataConfig())
                .outputDataConfig(request.outputDataConfig())
                .resourceConfig(request.resourceConfig())
                .stoppingCondition(request.stoppingCondition())
                .environment(request.environment())
                .finalMetricDataList(metrics(d));
        if (d.failureReason() != null) {
            String reason = FAILURE_PREFIX + d.failureReason();
            r.failureReason(reason.length() <= MAX_FAILURE_REASON ? reason : reason.substring(0, MAX_FAILURE_REASON));
        }
        if (ended && d.billableSeconds() != null) {
            r.billableTimeInSeconds(Math.toIntExact(d.billableSeconds()));
        }
        // SageMaker names the artifact of a completed job, and of a stopped one whose container saved a model (within
        // the grace period, or before it was killed): the local engine published one exactly then. Never of a failed one.
        if (d.state() == JobState.COMPLETED || (d.state() == JobState.STOPPED && d.modelArtifact() != null)) {
            r.modelArtifacts(m -> m.s3ModelArtifacts(modelArtifact(request)));
        }
        return r.build();
    }

    /** The list entry of the job. */
    static TrainingJobSummary summary(String arn, JobDescription d) {
        return TrainingJobSummary.builder().trainingJobName(d.name().value()).trainingJobArn(arn)
                .creationTime(d.created()).lastModifiedTime(d.lastModified())
                .trainingEndTime(d.state().isTerminal() ? d.trainingEnded() : null)
                .trainingJobStatus(d.state().wireName()).secondaryStatus(d.secondaryStatus().wireName()).build();
    }

    /** {@code <S3OutputPath>/<job>/output/model.tar.gz}, a single slash after the output path as SageMaker writes it. */
    static String modelArtifact(CreateTrainingJobRequest request) {
        String out = request.outputDataConfig().s3OutputPath();
        String base = out.endsWith("/") ? out.substring(0, out.length() - 1) : out;
        return base + "/" + request.trainingJobName() + "/output/model.tar.gz";
    }

    private static List<SecondaryStatusTransition> transitions(JobDescription d) {
        List<SecondaryStatusTransition> out = new ArrayList<>();
        List<StatusTransition> ts = d.transitions();
        for (int i = 0; i < ts.size(); i++) {
            StatusTransition t = ts.get(i);
            Instant end = t.ended();
            if (end == null && i == ts.size() - 1 && d.state().isTerminal()) {
                end = t.started(); // SageMaker closes the terminal transition at once
            }
            out.add(SecondaryStatusTransition.builder().status(t.status().wireName()).startTime(t.started())
                    .endTime(end).statusMessage(t.message()).build());
        }
        return out;
    }

    private static List<MetricData> metrics(JobDescription d) {
        Instant at = d.lastModified();
        return d.finalMetrics().entrySet().stream().map(e -> MetricData.builder().metricName(e.getKey())
                .value(e.getValue().floatValue()).timestamp(at).build()).toList();
    }
}
