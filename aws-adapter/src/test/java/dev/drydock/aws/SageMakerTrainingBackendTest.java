package dev.drydock.aws;

import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.JobAlreadyExistsException;
import dev.drydock.core.error.JobNotFoundException;
import dev.drydock.core.model.Channel;
import dev.drydock.core.model.CheckpointConfig;
import dev.drydock.core.model.CompressionType;
import dev.drydock.core.model.DataDistribution;
import dev.drydock.core.model.InputMode;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobOutcome;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.JobSummary;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.RecordWrapper;
import dev.drydock.core.model.Resources;
import dev.drydock.core.model.RetryStrategy;
import dev.drydock.core.model.SecondaryStatus;
import dev.drydock.core.model.StatusTransition;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.StoppingCondition;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.model.VpcConfig;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SageMakerTrainingBackend} against hand-written SageMaker and CloudWatch Logs clients that script realistic
 * lifecycles. The testkit's TrainingBackendContractTest runs real containers (exit codes, failure files, SIGTERM)
 * that only a running platform can honour, so the SageMaker side of that contract is asserted here case by case.
 */
class SageMakerTrainingBackendTest {
    static final String ROLE = "arn:aws:iam::123456789012:role/SageMakerExecution";
    private final FakeSageMakerClient sageMaker = new FakeSageMakerClient();
    private final FakeCloudWatchLogsClient logs = new FakeCloudWatchLogsClient();
    private final SageMakerTrainingBackend backend = SageMakerTrainingBackend.builder().sageMaker(sageMaker)
            .logs(new CloudWatchLogReader(logs)).defaultRoleArn(ROLE).region("eu-west-1").build();

    static TrainingJobSpec.Builder minimal(String name) {
        return TrainingJobSpec.builder().name(name)
                .image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/drydock/trainer:1.0")
                .channel("train", "s3://drydock-data/house-prices/train/")
                .outputPath("s3://drydock-data/output/");
    }

    static TrainingJobSpec full(String name) {
        return minimal(name)
                .containerEntrypoint(List.of("java", "-jar", "/opt/trainer.jar"))
                .containerArguments(List.of("train", "--verbose"))
                .inputMode(InputMode.FAST_FILE)
                .channel(Channel.builder("validation").source("s3://drydock-data/house-prices/validation.csv")
                        .contentType("text/csv").inputMode(InputMode.PIPE).distribution(DataDistribution.SHARDED_BY_S3_KEY)
                        .compression(CompressionType.GZIP).recordWrapper(RecordWrapper.RECORD_IO))
                .hyperparameter("max_depth", 6).hyperparameter("eta", 0.1)
                .resources(new Resources("ml.m5.xlarge", 2, 50, "arn:aws:kms:eu-west-1:123456789012:key/volume"))
                .stoppingCondition(new StoppingCondition(Duration.ofHours(2), Duration.ofHours(3)))
                .useSpotInstances(true)
                .checkpoint(CheckpointConfig.of(StorageUri.parse("s3://drydock-data/checkpoints/")))
                .metric("validation:rmse", "validation-rmse:([0-9.]+)")
                .environment("OMP_NUM_THREADS", "2")
                .tag("team", "pricing")
                .vpc(new VpcConfig(List.of("sg-0123456789abcdef0"), List.of("subnet-0123456789abcdef0")))
                .networkIsolation(true)
                .interContainerEncryption(true)
                .retryStrategy(new RetryStrategy(2))
                .outputKmsKeyId("alias/drydock-output")
                .roleArn("arn:aws:iam::123456789012:role/SpecRole")
                .build();
    }

    @Test
    void submit_whenSpecComplete_mapsEveryFieldToCreateTrainingJob() {
        backend.submit(full("full-job"));

        CreateTrainingJobRequest r = sageMaker.creates.get(0);
        assertThat(r.trainingJobName()).isEqualTo("full-job");
        assertThat(r.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/SpecRole");
        assertThat(r.algorithmSpecification().trainingImage()).isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com/drydock/trainer:1.0");
        assertThat(r.algorithmSpecification().trainingInputModeAsString()).isEqualTo("FastFile");
        assertThat(r.algorithmSpecification().containerEntrypoint()).containsExactly("java", "-jar", "/opt/trainer.jar");
        assertThat(r.algorithmSpecification().containerArguments()).containsExactly("train", "--verbose");
        assertThat(r.algorithmSpecification().metricDefinitions()).singleElement()
                .satisfies(m -> assertThat(m.name() + "=" + m.regex()).isEqualTo("validation:rmse=validation-rmse:([0-9.]+)"));
        assertThat(r.inputDataConfig()).hasSize(2);
        var train = r.inputDataConfig().get(0);
        assertThat(train.channelName()).isEqualTo("train");
        assertThat(train.dataSource().s3DataSource().s3Uri()).isEqualTo("s3://drydock-data/house-prices/train/");
        assertThat(train.dataSource().s3DataSource().s3DataTypeAsString()).isEqualTo("S3Prefix");
        assertThat(train.dataSource().s3DataSource().s3DataDistributionTypeAsString()).isEqualTo("FullyReplicated");
        assertThat(train.inputModeAsString()).isEqualTo("FastFile");
        assertThat(train.compressionTypeAsString()).isEqualTo("None");
        var validation = r.inputDataConfig().get(1);
        assertThat(validation.contentType()).isEqualTo("text/csv");
        assertThat(validation.inputModeAsString()).isEqualTo("Pipe");
        assertThat(validation.dataSource().s3DataSource().s3DataDistributionTypeAsString()).isEqualTo("ShardedByS3Key");
        assertThat(validation.compressionTypeAsString()).isEqualTo("Gzip");
        assertThat(validation.recordWrapperTypeAsString()).isEqualTo("RecordIO");
        assertThat(r.hyperParameters()).containsExactly(Map.entry("max_depth", "6"), Map.entry("eta", "0.1"));
        assertThat(r.outputDataConfig().s3OutputPath()).isEqualTo("s3://drydock-data/output/");
        assertThat(r.outputDataConfig().kmsKeyId()).isEqualTo("alias/drydock-output");
        assertThat(r.resourceConfig().instanceTypeAsString()).isEqualTo("ml.m5.xlarge");
        assertThat(r.resourceConfig().instanceCount()).isEqualTo(2);
        assertThat(r.resourceConfig().volumeSizeInGB()).isEqualTo(50);
        assertThat(r.resourceConfig().volumeKmsKeyId()).isEqualTo("arn:aws:kms:eu-west-1:123456789012:key/volume");
        assertThat(r.stoppingCondition().maxRuntimeInSeconds()).isEqualTo(7200);
        assertThat(r.stoppingCondition().maxWaitTimeInSeconds()).isEqualTo(10800);
        assertThat(r.enableManagedSpotTraining()).isTrue();
        assertThat(r.checkpointConfig().s3Uri()).isEqualTo("s3://drydock-data/checkpoints/");
        assertThat(r.checkpointConfig().localPath()).isEqualTo("/opt/ml/checkpoints");
        assertThat(r.environment()).containsEntry("OMP_NUM_THREADS", "2");
        assertThat(r.tags()).extracting(Tag::key).containsExactly("team", SpecFingerprint.TAG);
        assertThat(r.vpcConfig().securityGroupIds()).containsExactly("sg-0123456789abcdef0");
        assertThat(r.vpcConfig().subnets()).containsExactly("subnet-0123456789abcdef0");
        assertThat(r.enableNetworkIsolation()).isTrue();
        assertThat(r.enableInterContainerTrafficEncryption()).isTrue();
        assertThat(r.retryStrategy().maximumRetryAttempts()).isEqualTo(2);
    }

    @Test
    void submit_whenSpecHasNoRole_usesBackendDefault() {
        JobDescription submitted = backend.submit(minimal("default-role").build());

        assertThat(sageMaker.creates.get(0).roleArn()).isEqualTo(ROLE);
        assertThat(submitted.state()).isEqualTo(JobState.IN_PROGRESS);
        assertThat(submitted.arn()).contains("training-job/default-role");
    }

    @Test
    void submit_whenNoRoleAnywhere_throwsConfigurationTellingTheFix() {
        SageMakerTrainingBackend noRole = SageMakerTrainingBackend.builder().sageMaker(sageMaker)
                .logs(new CloudWatchLogReader(logs)).build();

        assertThatThrownBy(() -> noRole.submit(minimal("no-role").build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("roleArn(")
                .hasMessageContaining("sagemaker.amazonaws.com");
        assertThat(sageMaker.creates).isEmpty();
    }

    @Test
    void submit_whenDefaultRoleIsNotAnArn_throwsConfigurationShowingTheRule() {
        SageMakerTrainingBackend badRole = SageMakerTrainingBackend.builder().sageMaker(sageMaker)
                .logs(new CloudWatchLogReader(logs)).defaultRoleArn("SageMakerExecution").build();

        assertThatThrownBy(() -> badRole.submit(minimal("bad-role").build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("\"SageMakerExecution\" is not an IAM role ARN");
    }

    @Test
    void submit_whenSpecRoleIsNotAnArn_isRefusedByCoreValidation() {
        assertThatThrownBy(() -> minimal("bad-spec-role").roleArn("my-role").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("roleArn");
    }

    @Test
    void submit_whenSpotWithoutMaxWait_isRefusedByCoreValidation() {
        assertThatThrownBy(() -> minimal("spot").useSpotInstances(true).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("stoppingCondition.maxWaitTime");
    }

    @Test
    void submit_whenChannelIsLocalFile_throwsInvalidInputTellingToUploadFirst() {
        TrainingJobSpec local = minimal("local-input").channel("extra", "file:///data/house-prices/").build();

        assertThatThrownBy(() -> backend.submit(local))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("channels[1].source")
                .hasMessageContaining("upload");
        assertThat(sageMaker.creates).isEmpty();
    }

    @Test
    void submit_whenRetriedWithSameSpec_returnsTheExistingJob() {
        TrainingJobSpec spec = minimal("retried").build();
        JobDescription first = backend.submit(spec);

        JobDescription again = backend.submit(spec);

        assertThat(again.name()).isEqualTo(first.name());
        assertThat(again.arn()).isEqualTo(first.arn());
        assertThat(sageMaker.creates).hasSize(1);
    }

    @Test
    void submit_whenCreateAnswerWasLost_retryFindsItsOwnJob() {
        sageMaker.loseNextCreateAnswer();
        TrainingJobSpec spec = minimal("lost-answer").build();
        ResilientTrainingBackend resilient = new ResilientTrainingBackend(backend, fastPolicies());

        JobDescription submitted = resilient.submit(spec);

        assertThat(submitted.name().value()).isEqualTo("lost-answer");
        assertThat(sageMaker.jobs).hasSize(1);
    }

    @Test
    void submit_whenNameTakenByDifferentJob_throwsJobAlreadyExists() {
        backend.submit(minimal("taken").build());

        assertThatThrownBy(() -> backend.submit(minimal("taken").hyperparameter("eta", 0.3).build()))
                .isInstanceOf(JobAlreadyExistsException.class)
                .hasMessageContaining("\"taken\"");
    }

    @Test
    void submit_whenInstanceTypeNotAvailableToAccount_throwsConfigurationNamingQuota() {
        sageMaker.failNextCreate("ResourceLimitExceeded", "The account-level service limit 'ml.p4d.24xlarge for"
                + " training job usage' is 0 Instances, with current utilization of 0 Instances and a request delta of 1"
                + " Instances. Please use AWS Service Quotas to request an increase for this quota.");

        assertThatThrownBy(() -> backend.submit(minimal("big").resources(Resources.of("ml.p4d.24xlarge", 1)).build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ml.p4d.24xlarge")
                .hasMessageContaining("Service Quotas");
    }

    @Test
    void submit_whenSageMakerCannotAssumeRole_throwsConfiguration() {
        sageMaker.failNextCreate("ValidationException", "Could not assume role " + ROLE
                + ". Please ensure that the role exists and allows principal 'sagemaker.amazonaws.com' to assume the role.");

        assertThatThrownBy(() -> backend.submit(minimal("role-trust").build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("trusts sagemaker.amazonaws.com");
    }

    @Test
    void submit_whenImageNotInEcr_surfacesSageMakersReason() {
        sageMaker.nextJobScript(FakeSageMakerClient.failsWith("ClientError: Requested image"
                + " 123456789012.dkr.ecr.eu-west-1.amazonaws.com/drydock/trainer:1.0 not found."));

        backend.submit(minimal("no-image").build());
        JobDescription last = drain("no-image");

        assertThat(last.state()).isEqualTo(JobState.FAILED);
        assertThat(last.failureReason()).contains("not found");
    }

    @Test
    void describe_whenLifecycleProgresses_reportsEveryTransitionAndTheModel() {
        backend.submit(minimal("lifecycle").build());

        JobDescription done = drain("lifecycle");

        assertThat(done.state()).isEqualTo(JobState.COMPLETED);
        assertThat(done.transitions()).extracting(StatusTransition::status).containsExactly(SecondaryStatus.STARTING,
                SecondaryStatus.LAUNCHING_ML_INSTANCES, SecondaryStatus.DOWNLOADING, SecondaryStatus.TRAINING,
                SecondaryStatus.UPLOADING, SecondaryStatus.COMPLETED);
        assertThat(done.transitions().subList(0, 5)).allSatisfy(t -> assertThat(t.ended()).isNotNull());
        assertThat(done.modelArtifact()).isEqualTo(StorageUri.parse("s3://drydock-data/output/lifecycle/output/model.tar.gz"));
        assertThat(done.modelArtifact()).isEqualTo(minimal("lifecycle").build().modelArtifactUri());
        assertThat(done.billableSeconds()).isEqualTo(240L);
        assertThat(done.finalMetrics()).containsEntry("validation:rmse", (double) 0.125f);
        assertThat(done.trainingStarted()).isNotNull();
        assertThat(done.trainingEnded()).isAfter(done.trainingStarted());
        assertThat(JobOutcome.of(done)).isInstanceOf(JobOutcome.Succeeded.class);
    }

    @Test
    void describe_whenJobFails_reportsTheFailureReasonAndNoModel() {
        sageMaker.nextJobScript(FakeSageMakerClient.failsWith("AlgorithmError: xgboost: label column SalePrice missing"));
        backend.submit(minimal("failing").build());

        JobDescription failed = drain("failing");

        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.secondaryStatus()).isEqualTo(SecondaryStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("AlgorithmError: xgboost: label column SalePrice missing");
        assertThat(failed.modelArtifact()).isNull();
        assertThat(JobOutcome.of(failed)).isInstanceOfSatisfying(JobOutcome.Failed.class,
                f -> assertThat(f.reason()).contains("SalePrice"));
    }

    @Test
    void stop_whenRunning_movesToStoppingThenStopped() {
        backend.submit(minimal("to-stop").build());
        backend.describe(JobName.of("to-stop"));

        backend.stop(JobName.of("to-stop"));

        assertThat(backend.describe(JobName.of("to-stop")).state()).isEqualTo(JobState.STOPPING);
        JobDescription stopped = backend.describe(JobName.of("to-stop"));
        assertThat(stopped.state()).isEqualTo(JobState.STOPPED);
        assertThat(stopped.transitions()).extracting(StatusTransition::status).endsWith(SecondaryStatus.STOPPING, SecondaryStatus.STOPPED);
    }

    @Test
    void stop_whenJobEnded_changesNothing() {
        backend.submit(minimal("ended").build());
        drain("ended");

        backend.stop(JobName.of("ended"));

        assertThat(backend.describe(JobName.of("ended")).state()).isEqualTo(JobState.COMPLETED);
    }

    @Test
    void describe_whenJobUnknown_throwsJobNotFoundNamingRegion() {
        assertThatThrownBy(() -> backend.describe(JobName.of("nobody")))
                .isInstanceOf(JobNotFoundException.class)
                .hasMessageContaining("\"nobody\"")
                .hasMessageContaining("eu-west-1");
        assertThatThrownBy(() -> backend.stop(JobName.of("nobody"))).isInstanceOf(JobNotFoundException.class);
        assertThatThrownBy(() -> backend.readLogs(JobName.of("nobody"), LogCursor.START)).isInstanceOf(JobNotFoundException.class);
    }

    @Test
    void attach_isDescribeByName() {
        sageMaker.existing(CreateTrainingJobMapper.map(full("made-elsewhere"), ROLE, "someone-else"));

        JobDescription attached = backend.describe(JobName.of("made-elsewhere"));

        assertThat(attached.state()).isEqualTo(JobState.IN_PROGRESS);
        assertThat(attached.arn()).endsWith("made-elsewhere");
    }

    @Test
    void list_whenManyJobs_returnsNewestFirstAtMostMaxAcrossPages() {
        for (int i = 0; i < 130; i++) {
            backend.submit(minimal("job-" + i).build());
        }

        List<JobSummary> listed = backend.list(120);

        assertThat(listed).hasSize(120);
        assertThat(listed.get(0).name().value()).isEqualTo("job-129");
        assertThat(listed).extracting(JobSummary::created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void readLogs_whenJobKnownButNoStreamsYet_returnsEmptyPage() {
        backend.submit(minimal("quiet").build());

        assertThat(backend.readLogs(JobName.of("quiet"), LogCursor.START).events()).isEmpty();
    }

    private JobDescription drain(String name) {
        List<JobDescription> seen = new ArrayList<>();
        JobDescription d;
        do {
            d = backend.describe(JobName.of(name));
            seen.add(d);
        } while (!d.state().isTerminal() && seen.size() < 50);
        return d;
    }

    static ResiliencePolicies fastPolicies() {
        return ResiliencePolicies.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)).withPollsPerSecond(10_000);
    }
}
