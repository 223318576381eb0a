package dev.drydock.aws;

import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.JobSummary;
import dev.drydock.core.model.SecondaryStatus;
import dev.drydock.core.model.StatusTransition;
import dev.drydock.core.model.StorageUri;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.MetricData;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps SageMaker's DescribeTrainingJob and ListTrainingJobs answers to drydock's model. */
final class JobDescriptionMapper {
    private JobDescriptionMapper() {
    }

    /** The description of a DescribeTrainingJob answer. */
    static JobDescription map(DescribeTrainingJobResponse r) {
        JobState state = JobState.fromWireName(r.trainingJobStatusAsString());
        List<StatusTransition> transitions = new ArrayList<>();
        for (SecondaryStatusTransition t : r.secondaryStatusTransitions()) {
            SecondaryStatus status = secondary(t.statusAsString(), state);
            transitions.add(new StatusTransition(status, t.startTime(), t.endTime(), t.statusMessage()));
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        // SageMaker lists each metric once with its final value; sort by time so that a later value wins if repeated.
        r.finalMetricDataList().stream()
                .filter(m -> m.metricName() != null && m.value() != null) // a metric defined but never seen has no value
                .sorted(Comparator.comparing(m -> m.timestamp() == null ? Instant.EPOCH : m.timestamp()))
                .forEach((MetricData m) -> metrics.put(m.metricName(), decimal(m.value())));
        Instant created = r.creationTime() != null ? r.creationTime() : Instant.now();
        StorageUri model = null;
        // A completed job's model, and what a stopped job's container saved (SageMaker uploads /opt/ml/model after
        // StopTrainingJob or MaxRuntimeInSeconds too); never a failed job's.
        boolean mayHaveModel = state == JobState.COMPLETED || state == JobState.STOPPED;
        if (mayHaveModel && r.modelArtifacts() != null && r.modelArtifacts().s3ModelArtifacts() != null) {
            model = StorageUri.parse(r.modelArtifacts().s3ModelArtifacts());
        }
        return JobDescription.builder(JobName.of(r.trainingJobName()))
                .arn(r.trainingJobArn())
                .state(state)
                .transitions(transitions)
                .secondaryStatus(secondary(r.secondaryStatusAsString(), state))
                .failureReason(r.failureReason())
                .created(created)
                .trainingStarted(r.trainingStartTime())
                .trainingEnded(r.trainingEndTime())
                .lastModified(r.lastModifiedTime())
                .finalMetrics(metrics)
                .modelArtifact(model)
                .billableSeconds(r.billableTimeInSeconds() == null ? null : r.billableTimeInSeconds().longValue())
                .build();
    }

    /**
     * The double a SageMaker metric stands for. SageMaker keeps metric values as 32-bit floats, so 0.13 logged by the
     * container comes back as 0.12999999523162842 when widened; the float's shortest decimal form (0.13) is what was
     * logged, and what the local backends report for the same line.
     */
    static double decimal(Float value) {
        return Double.parseDouble(Float.toString(value));
    }

    /** The summary of a ListTrainingJobs entry. */
    static JobSummary summary(TrainingJobSummary s) {
        return new JobSummary(JobName.of(s.trainingJobName()), JobState.fromWireName(s.trainingJobStatusAsString()),
                s.creationTime(), s.trainingEndTime());
    }

    /**
     * The secondary status for SageMaker's wire name. SageMaker adds statuses over time; one drydock does not know
     * yet maps to the closest known one for the job's state instead of failing the whole description.
     */
    static SecondaryStatus secondary(String wireName, JobState state) {
        if (wireName != null) {
            try {
                return SecondaryStatus.fromWireName(wireName);
            } catch (InvalidInputException unknown) {
                // fall through to the state's closest status
            }
        }
        switch (state) {
            case COMPLETED:
                return SecondaryStatus.COMPLETED;
            case FAILED:
                return SecondaryStatus.FAILED;
            case STOPPED:
                return SecondaryStatus.STOPPED;
            case STOPPING:
                return SecondaryStatus.STOPPING;
            case IN_PROGRESS:
                return SecondaryStatus.STARTING;
        }
        throw new AssertionError(state);
    }
}
