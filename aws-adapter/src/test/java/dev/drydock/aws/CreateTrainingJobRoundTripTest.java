package dev.drydock.aws;

import dev.drydock.aws.emulator.SpecFromCreateRequest;
import dev.drydock.core.model.Channel;
import dev.drydock.core.model.CheckpointConfig;
import dev.drydock.core.model.CompressionType;
import dev.drydock.core.model.DataDistribution;
import dev.drydock.core.model.InputMode;
import dev.drydock.core.model.RecordWrapper;
import dev.drydock.core.model.Resources;
import dev.drydock.core.model.RetryStrategy;
import dev.drydock.core.model.StoppingCondition;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.model.VpcConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of a spec survives the trip through SageMaker's CreateTrainingJob request: the production forward
 * mapping, then the emulator's independent reverse mapping. The contract IT runs only what its scenarios set; this
 * covers the rest (environment, VPC, checkpoint, spot, KMS keys, retry, channel options).
 */
class CreateTrainingJobRoundTripTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/SageMakerExecution";

    @Test
    void map_whenEveryFieldSet_readsBackToTheSameSpecPlusTheFingerprintTag() {
        TrainingJobSpec spec = TrainingJobSpec.builder()
                .name("round-trip-1")
                .image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/drydock/trainer:1.2")
                .containerEntrypoint(List.of("java", "-jar", "/opt/trainer.jar"))
                .containerArguments(List.of("train", "--fast"))
                .inputMode(InputMode.FILE)
                .channel(Channel.builder("train").source("s3://bucket/data/train/").contentType("text/csv")
                        .inputMode(InputMode.FILE).distribution(DataDistribution.SHARDED_BY_S3_KEY)
                        .compression(CompressionType.GZIP).recordWrapper(RecordWrapper.NONE))
                .channel(Channel.builder("validation").source("s3://bucket/data/validation.recordio")
                        .inputMode(InputMode.PIPE).recordWrapper(RecordWrapper.RECORD_IO))
                .hyperparameter("max_depth", 6)
                .hyperparameter("eta", 0.1)
                .hyperparameter("objective", "reg:squarederror")
                .resources(new Resources("ml.g5.xlarge", 3, 50, "arn:aws:kms:eu-west-1:123456789012:key/volume"))
                .stoppingCondition(new StoppingCondition(Duration.ofHours(2), Duration.ofHours(3)))
                .useSpotInstances(true)
                .checkpoint(new CheckpointConfig(dev.drydock.core.model.StorageUri.parse("s3://bucket/checkpoints/"), "/opt/ml/ckpt"))
                .metric("validation:rmse", "validation-rmse: ([0-9.]+)")
                .metric("train:rmse", "train-rmse: ([0-9.]+)")
                .environment("LOG_LEVEL", "debug")
                .environment("SEED", "42")
                .tag("team", "pricing")
                .vpc(new VpcConfig(List.of("sg-0123456789abcdef0"), List.of("subnet-0123456789abcdef0", "subnet-0fedcba9876543210")))
                .networkIsolation(true)
                .interContainerEncryption(true)
                .retryStrategy(new RetryStrategy(2))
                .outputPath("s3://bucket/models/")
                .outputKmsKeyId("arn:aws:kms:eu-west-1:123456789012:key/output")
                .roleArn(ROLE)
                .build();
        String fingerprint = SpecFingerprint.of(spec, ROLE);

        TrainingJobSpec back = SpecFromCreateRequest.read(CreateTrainingJobMapper.map(spec, ROLE, fingerprint));

        assertThat(back).isEqualTo(spec.toBuilder().tag(SpecFingerprint.TAG, fingerprint).build());
    }

    @Test
    void map_whenChannelHasNoInputMode_sendsTheJobsDefault() {
        TrainingJobSpec spec = TrainingJobSpec.builder().name("round-trip-2").image("drydock/trainer:latest")
                .inputMode(InputMode.FAST_FILE).channel("train", "s3://bucket/train/").outputPath("s3://bucket/models/")
                .build();

        TrainingJobSpec back = SpecFromCreateRequest.read(CreateTrainingJobMapper.map(spec, ROLE, "f"));

        assertThat(back.channels()).singleElement().satisfies(c -> assertThat(c.inputMode()).isEqualTo(InputMode.FAST_FILE));
        assertThat(back.roleArn()).isEqualTo(ROLE);
    }
    @Test
    void map_whenImagePinnedByTagAndDigest_sendsTheDigestFormSageMakerDocuments() {
        // SageMaker documents TrainingImage as registry/repository[:tag] or registry/repository[@digest], not both.
        String digest = "sha256:" + "ab".repeat(32);
        TrainingJobSpec spec = TrainingJobSpec.builder().name("pinned").channel("train", "s3://bucket/train/")
                .image("683313688378.dkr.ecr.eu-west-1.amazonaws.com/trainer:v1@" + digest)
                .outputPath("s3://bucket/models/").build();

        var request = CreateTrainingJobMapper.map(spec, ROLE, "f");

        assertThat(request.algorithmSpecification().trainingImage())
                .isEqualTo("683313688378.dkr.ecr.eu-west-1.amazonaws.com/trainer@" + digest);
        assertThat(SpecFromCreateRequest.read(request).image().digest()).as("the pin is kept").isEqualTo(digest);
    }

    @Test
    void map_whenImageHasOnlyATag_sendsTheTag() {
        TrainingJobSpec spec = TrainingJobSpec.builder().name("tagged").channel("train", "s3://bucket/train/")
                .image("683313688378.dkr.ecr.eu-west-1.amazonaws.com/trainer:v1").outputPath("s3://bucket/models/").build();

        assertThat(CreateTrainingJobMapper.map(spec, ROLE, "f").algorithmSpecification().trainingImage())
                .isEqualTo("683313688378.dkr.ecr.eu-west-1.amazonaws.com/trainer:v1");
    }

    @Test
    void map_whenManagedSpotWithCheckpoints_sendsCheckpointConfigSpotAndMaxWaitAndReadsThemBack() {
        TrainingJobSpec spec = TrainingJobSpec.builder().name("spot-job").image("drydock/trainer:latest")
                .channel("train", "s3://bucket/train/").outputPath("s3://bucket/models/")
                .checkpoint(dev.drydock.core.model.CheckpointConfig.of(dev.drydock.core.model.StorageUri.parse("s3://bucket/ckpt/spot-job/")))
                .useSpotInstances(true)
                .stoppingCondition(new dev.drydock.core.model.StoppingCondition(java.time.Duration.ofHours(1), java.time.Duration.ofHours(3)))
                .build();

        var request = CreateTrainingJobMapper.map(spec, ROLE, "f");

        assertThat(request.checkpointConfig().s3Uri()).isEqualTo("s3://bucket/ckpt/spot-job/");
        assertThat(request.checkpointConfig().localPath()).isEqualTo("/opt/ml/checkpoints");
        assertThat(request.enableManagedSpotTraining()).isTrue();
        assertThat(request.stoppingCondition().maxRuntimeInSeconds()).isEqualTo(3600);
        assertThat(request.stoppingCondition().maxWaitTimeInSeconds()).isEqualTo(3 * 3600);
        TrainingJobSpec back = SpecFromCreateRequest.read(request);
        assertThat(back.checkpoint()).isEqualTo(spec.checkpoint());
        assertThat(back.useSpotInstances()).isTrue();
        assertThat(back.stoppingCondition()).isEqualTo(spec.stoppingCondition());
    }
}
