package dev.drydock.aws.emulator;

import dev.drydock.core.model.Channel;
import dev.drydock.core.model.CheckpointConfig;
import dev.drydock.core.model.CompressionType;
import dev.drydock.core.model.DataDistribution;
import dev.drydock.core.model.InputMode;
import dev.drydock.core.model.RecordWrapper;
import dev.drydock.core.model.Resources;
import dev.drydock.core.model.RetryStrategy;
import dev.drydock.core.model.StoppingCondition;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.model.VpcConfig;
import software.amazon.awssdk.services.sagemaker.model.AlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.S3DataSource;
import software.amazon.awssdk.services.sagemaker.model.S3DataType;
import software.amazon.awssdk.services.sagemaker.model.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CreateTrainingJob request back into the {@link TrainingJobSpec} the emulator runs: the reverse of the
 * production {@code CreateTrainingJobMapper}, written independently from the SDK model and SageMaker's API reference,
 * so that a field the forward mapping drops, renames or mangles shows up as a job that runs differently.
 *
 * <p>It reads what SageMaker reads and refuses, with SageMaker's {@code ValidationException}, what SageMaker would
 * refuse: missing required members, non-S3 locations, data types other than {@code S3Prefix}.
 */
public final class SpecFromCreateRequest {
    private SpecFromCreateRequest() {
    }

    /** The spec {@code request} describes. */
    public static TrainingJobSpec read(CreateTrainingJobRequest r) {
        require(r.trainingJobName() != null, "trainingJobName");
        require(r.roleArn() != null, "roleArn");
        require(r.algorithmSpecification() != null, "algorithmSpecification");
        require(r.outputDataConfig() != null && r.outputDataConfig().s3OutputPath() != null, "outputDataConfig.s3OutputPath");
        require(r.resourceConfig() != null, "resourceConfig");
        require(r.stoppingCondition() != null && r.stoppingCondition().maxRuntimeInSeconds() != null,
                "stoppingCondition.maxRuntimeInSeconds");
        AlgorithmSpecification algorithm = r.algorithmSpecification();
        require(algorithm.trainingImage() != null, "algorithmSpecification.trainingImage");
        TrainingJobSpec.Builder b = TrainingJobSpec.builder()
                .name(r.trainingJobName())
                .roleArn(r.roleArn())
                .image(algorithm.trainingImage())
                .inputMode(InputMode.fromWireName(algorithm.trainingInputModeAsString()))
                .containerEntrypoint(algorithm.containerEntrypoint())
                .containerArguments(algorithm.containerArguments())
                .outputPath(s3(r.outputDataConfig().s3OutputPath(), "outputDataConfig.s3OutputPath"))
                .outputKmsKeyId(r.outputDataConfig().kmsKeyId())
                .resources(new Resources(r.resourceConfig().instanceTypeAsString(), r.resourceConfig().instanceCount(),
                        r.resourceConfig().volumeSizeInGB(), r.resourceConfig().volumeKmsKeyId()))
                .stoppingCondition(new StoppingCondition(Duration.ofSeconds(r.stoppingCondition().maxRuntimeInSeconds()),
                        r.stoppingCondition().maxWaitTimeInSeconds() == null ? null
                                : Duration.ofSeconds(r.stoppingCondition().maxWaitTimeInSeconds())))
                .useSpotInstances(Boolean.TRUE.equals(r.enableManagedSpotTraining()))
                .networkIsolation(Boolean.TRUE.equals(r.enableNetworkIsolation()))
                .interContainerEncryption(Boolean.TRUE.equals(r.enableInterContainerTrafficEncryption()));
        algorithm.metricDefinitions().forEach(m -> b.metric(m.name(), m.regex()));
        r.hyperParameters().forEach(b::hyperparameter);
        r.environment().forEach(b::environment);
        for (Tag tag : r.tags()) {
            b.tag(tag.key(), tag.value());
        }
        for (software.amazon.awssdk.services.sagemaker.model.Channel c : r.inputDataConfig()) {
            b.channel(channel(c));
        }
        if (r.checkpointConfig() != null) {
            b.checkpoint(new CheckpointConfig(s3(r.checkpointConfig().s3Uri(), "checkpointConfig.s3Uri"),
                    r.checkpointConfig().localPath() == null ? CheckpointConfig.DEFAULT_LOCAL_PATH : r.checkpointConfig().localPath()));
        }
        if (r.vpcConfig() != null) {
            b.vpc(new VpcConfig(r.vpcConfig().securityGroupIds(), r.vpcConfig().subnets()));
        }
        if (r.retryStrategy() != null) {
            b.retryStrategy(new RetryStrategy(r.retryStrategy().maximumRetryAttempts()));
        }
        return b.build();
    }

    private static Channel.Builder channel(software.amazon.awssdk.services.sagemaker.model.Channel c) {
        require(c.channelName() != null, "inputDataConfig.channelName");
        require(c.dataSource() != null && c.dataSource().s3DataSource() != null,
                "inputDataConfig[" + c.channelName() + "].dataSource.s3DataSource");
        S3DataSource source = c.dataSource().s3DataSource();
        if (source.s3DataType() != S3DataType.S3_PREFIX) {
            throw ServiceErrors.validation("the emulator stages S3Prefix channels only; channel " + c.channelName()
                    + " has S3DataType " + source.s3DataTypeAsString());
        }
        Channel.Builder b = Channel.builder(c.channelName())
                .source(s3(source.s3Uri(), "inputDataConfig[" + c.channelName() + "].s3Uri"))
                .contentType(c.contentType());
        // SageMaker's defaults for members left out: FullyReplicated, None, None, the job's input mode.
        if (source.s3DataDistributionType() != null) {
            b.distribution(DataDistribution.fromWireName(source.s3DataDistributionTypeAsString()));
        }
        if (c.compressionType() != null) {
            b.compression(CompressionType.fromWireName(c.compressionTypeAsString()));
        }
        if (c.recordWrapperType() != null) {
            b.recordWrapper(RecordWrapper.fromWireName(c.recordWrapperTypeAsString()));
        }
        if (c.inputMode() != null) {
            b.inputMode(InputMode.fromWireName(c.inputModeAsString()));
        }
        return b;
    }

    private static StorageUri s3(String uri, String member) {
        require(uri != null && uri.startsWith("s3://"), member + " (an s3:// URI)");
        return StorageUri.parse(uri);
    }

    private static void require(boolean ok, String member) {
        if (!ok) {
            throw ServiceErrors.validation("1 validation error detected: Value at '" + member + "' failed to satisfy"
                    + " constraint: Member must not be null");
        }
    }

    /** The tag values of {@code request}, for ListTags. */
    static List<Tag> tags(CreateTrainingJobRequest request) {
        return new ArrayList<>(request.tags());
    }
}
