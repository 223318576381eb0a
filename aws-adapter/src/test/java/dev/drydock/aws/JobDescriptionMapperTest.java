package dev.drydock.aws;

import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.StorageUri;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.MetricData;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JobDescriptionMapperTest {

    @Test
    void map_whenAMetricHasNoValueYet_leavesItOutInsteadOfFailing() {
        Instant now = Instant.parse("2026-11-29T04:00:00Z");
        DescribeTrainingJobResponse answer = DescribeTrainingJobResponse.builder()
                .trainingJobName("job-1")
                .trainingJobArn("arn:aws:sagemaker:us-east-1:123456789012:training-job/job-1")
                .trainingJobStatus("InProgress")
                .secondaryStatus("Training")
                .creationTime(now)
                .finalMetricDataList(
                        MetricData.builder().metricName("cv_rmsle").value(0.13f).timestamp(now).build(),
                        MetricData.builder().metricName("holdout_rmsle").timestamp(now).build())
                .build();

        JobDescription d = JobDescriptionMapper.map(answer);

        assertThat(d.state()).isEqualTo(JobState.IN_PROGRESS);
        assertThat(d.finalMetrics()).containsOnlyKeys("cv_rmsle");
        assertThat(d.created()).isEqualTo(now);
    }

    @Test
    void map_whenMetricIsAFloat_reportsItsShortestDecimalAsTheLocalBackendsDo() {
        Instant now = Instant.parse("2026-11-29T04:00:00Z");
        DescribeTrainingJobResponse answer = DescribeTrainingJobResponse.builder()
                .trainingJobName("job-1")
                .trainingJobStatus("Completed")
                .secondaryStatus("Completed")
                .creationTime(now)
                // SageMaker keeps metrics as 32-bit floats: the container logged "rmse: 0.13".
                .finalMetricDataList(MetricData.builder().metricName("rmse").value(0.13f).timestamp(now).build())
                .build();

        JobDescription d = JobDescriptionMapper.map(answer);

        assertThat(d.finalMetrics()).containsEntry("rmse", 0.13);
    }

    @Test
    void map_whenSpotJobWasInterruptedAndResumed_showsTheInterruptionsAndOnlyTheBilledTime() {
        Instant t = Instant.parse("2026-12-02T10:00:00Z");
        DescribeTrainingJobResponse answer = ended("Completed", "Completed").billableTimeInSeconds(420)
                .secondaryStatusTransitions(
                        transition("Starting", t, t.plusSeconds(60)),
                        transition("Training", t.plusSeconds(60), t.plusSeconds(300)),
                        transition("Interrupted", t.plusSeconds(300), t.plusSeconds(900)),
                        transition("Restarting", t.plusSeconds(900), t.plusSeconds(960)),
                        transition("Training", t.plusSeconds(960), t.plusSeconds(1140)),
                        transition("Completed", t.plusSeconds(1140), t.plusSeconds(1140)))
                .build();

        JobDescription d = JobDescriptionMapper.map(answer);

        assertThat(d.billableSeconds()).isEqualTo(420L);
        assertThat(d.transitions()).extracting(tr -> tr.status().wireName())
                .containsExactly("Starting", "Training", "Interrupted", "Restarting", "Training", "Completed");
        assertThat(d.transitions().get(2).ended()).isEqualTo(t.plusSeconds(900));
    }

    private static software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition transition(String status,
            Instant start, Instant end) {
        return software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition.builder().status(status)
                .startTime(start).endTime(end).statusMessage(status + " message").build();
    }

    @Test
    void map_whenStoppedJobHasModelArtifacts_reportsTheModelTheContainerSaved() {
        DescribeTrainingJobResponse answer = ended("Stopped", "Stopped")
                .modelArtifacts(m -> m.s3ModelArtifacts("s3://bucket/out/job-1/output/model.tar.gz")).build();

        JobDescription d = JobDescriptionMapper.map(answer);

        assertThat(d.state()).isEqualTo(JobState.STOPPED);
        assertThat(d.modelArtifact()).isEqualTo(StorageUri.parse("s3://bucket/out/job-1/output/model.tar.gz"));
    }

    @Test
    void map_whenStoppedJobHasNoModelArtifacts_reportsNoModel() {
        JobDescription d = JobDescriptionMapper.map(ended("Stopped", "MaxRuntimeExceeded").build());

        assertThat(d.state()).isEqualTo(JobState.STOPPED);
        assertThat(d.modelArtifact()).isNull();
    }

    @Test
    void map_whenFailedJobHasModelArtifacts_reportsNoModel() {
        DescribeTrainingJobResponse answer = ended("Failed", "Failed").failureReason("AlgorithmError: boom")
                .modelArtifacts(m -> m.s3ModelArtifacts("s3://bucket/out/job-1/output/model.tar.gz")).build();

        JobDescription d = JobDescriptionMapper.map(answer);

        assertThat(d.state()).isEqualTo(JobState.FAILED);
        assertThat(d.modelArtifact()).as("nothing of a failed job is a model").isNull();
    }

    private static DescribeTrainingJobResponse.Builder ended(String status, String secondary) {
        Instant now = Instant.parse("2026-11-29T04:00:00Z");
        return DescribeTrainingJobResponse.builder().trainingJobName("job-1").trainingJobStatus(status)
                .secondaryStatus(secondary).creationTime(now).trainingStartTime(now).trainingEndTime(now.plusSeconds(60));
    }
}
