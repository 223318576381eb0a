package dev.drydock.aws;

import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.error.Violations;
import dev.drydock.core.model.Channel;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import software.amazon.awssdk.services.sagemaker.model.AlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DataSource;
import software.amazon.awssdk.services.sagemaker.model.MetricDefinition;
import software.amazon.awssdk.services.sagemaker.model.OutputDataConfig;
import software.amazon.awssdk.services.sagemaker.model.ResourceConfig;
import software.amazon.awssdk.services.sagemaker.model.S3DataSource;
import software.amazon.awssdk.services.sagemaker.model.S3DataType;
import software.amazon.awssdk.services.sagemaker.model.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Maps a whole {@link TrainingJobSpec} to SageMaker's CreateTrainingJob request. Everything the spec says reaches the
 * request; what only SageMaker needs (the role) comes from the spec or the backend's default.
 */
final class CreateTrainingJobMapper {
    private static final Pattern ROLE_ARN = Pattern.compile(TrainingJobSpec.ROLE_ARN_RULE);

    private CreateTrainingJobMapper() {
    }

    /** The role the job runs as: the spec's, else {@code defaultRoleArn}; a clear error when neither is set or valid. */
    static String roleArn(TrainingJobSpec spec, String defaultRoleArn) {
        String role = spec.roleArn() != null ? spec.roleArn() : defaultRoleArn;
        if (role == null || role.isBlank()) {
            throw new ConfigurationException("SageMaker needs an execution role for training job \"" + spec.name()
                    + "\": set roleArn(\"arn:aws:iam::<account>:role/<name>\") on the job spec, or on the AWS backend"
                    + " (AwsBackend.builder().roleArn(..)) as the default; the role must trust sagemaker.amazonaws.com");
        }
        if (!ROLE_ARN.matcher(role).matches()) {
            throw new ConfigurationException("the SageMaker execution role \"" + role + "\" is not an IAM role ARN: it"
                    + " must look like arn:aws:iam::123456789012:role/SageMakerExecution (rule " + TrainingJobSpec.ROLE_ARN_RULE + ")");
        }
        return role;
    }

    /** The request for {@code spec}, run as {@code roleArn}, tagged with {@code fingerprint}. */
    static CreateTrainingJobRequest map(TrainingJobSpec spec, String roleArn, String fingerprint) {
        checkLocations(spec);
        AlgorithmSpecification.Builder algorithm = AlgorithmSpecification.builder()
                .trainingImage(trainingImage(spec.image()))
                .trainingInputMode(spec.inputMode().wireName())
                .metricDefinitions(spec.metricDefinitions().stream()
                        .map(m -> MetricDefinition.builder().name(m.name()).regex(m.regex()).build()).toList());
        if (!spec.containerEntrypoint().isEmpty()) {
            algorithm.containerEntrypoint(spec.containerEntrypoint());
        }
        if (!spec.containerArguments().isEmpty()) {
            algorithm.containerArguments(spec.containerArguments());
        }
        CreateTrainingJobRequest.Builder request = CreateTrainingJobRequest.builder()
                .trainingJobName(spec.name().value())
                .roleArn(roleArn)
                .algorithmSpecification(algorithm.build())
                .inputDataConfig(spec.channels().stream().map(c -> channel(c, spec)).toList())
                .outputDataConfig(OutputDataConfig.builder().s3OutputPath(spec.outputPath().toString())
                        .kmsKeyId(spec.outputKmsKeyId()).build())
                .resourceConfig(ResourceConfig.builder()
                        .instanceType(spec.resources().instanceType())
                        .instanceCount(spec.resources().instanceCount())
                        .volumeSizeInGB(spec.resources().volumeSizeGb())
                        .volumeKmsKeyId(spec.resources().volumeKmsKeyId()).build())
                .stoppingCondition(s -> s.maxRuntimeInSeconds(seconds(spec.stoppingCondition().maxRuntime()))
                        .maxWaitTimeInSeconds(spec.stoppingCondition().maxWaitTime() == null ? null
                                : seconds(spec.stoppingCondition().maxWaitTime())))
                .enableManagedSpotTraining(spec.useSpotInstances())
                .enableNetworkIsolation(spec.networkIsolation())
                .enableInterContainerTrafficEncryption(spec.interContainerEncryption())
                .tags(tags(spec, fingerprint));
        if (!spec.hyperparameters().values().isEmpty()) {
            request.hyperParameters(spec.hyperparameters().values());
        }
        if (!spec.environment().isEmpty()) {
            request.environment(spec.environment());
        }
        if (spec.checkpoint() != null) {
            request.checkpointConfig(c -> c.s3Uri(spec.checkpoint().uri().toString()).localPath(spec.checkpoint().localPath()));
        }
        if (spec.vpc() != null) {
            request.vpcConfig(v -> v.securityGroupIds(spec.vpc().securityGroupIds()).subnets(spec.vpc().subnets()));
        }
        if (spec.retryStrategy() != null) {
            request.retryStrategy(r -> r.maximumRetryAttempts(spec.retryStrategy().maximumRetryAttempts()));
        }
        return request.build();
    }

    private static software.amazon.awssdk.services.sagemaker.model.Channel channel(Channel c, TrainingJobSpec spec) {
        software.amazon.awssdk.services.sagemaker.model.Channel.Builder b = software.amazon.awssdk.services.sagemaker.model.Channel.builder()
                .channelName(c.name())
                .dataSource(DataSource.builder().s3DataSource(S3DataSource.builder()
                        // S3Prefix, as the SageMaker Python SDK sends: a key names itself and any key it prefixes.
                        .s3DataType(S3DataType.S3_PREFIX)
                        .s3Uri(c.source().toString())
                        .s3DataDistributionType(c.distribution().wireName()).build()).build())
                .compressionType(c.compression().wireName())
                .recordWrapperType(c.recordWrapper().wireName())
                .inputMode(c.effectiveInputMode(spec.inputMode()).wireName());
        if (c.contentType() != null) {
            b.contentType(c.contentType());
        }
        return b.build();
    }

    private static List<Tag> tags(TrainingJobSpec spec, String fingerprint) {
        List<Tag> tags = new ArrayList<>();
        spec.tags().forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
        tags.add(Tag.builder().key(SpecFingerprint.TAG).value(fingerprint).build());
        return tags;
    }

    /** SageMaker reads data only from S3: every location must be s3:// (local inputs are uploaded first). */
    private static void checkLocations(TrainingJobSpec spec) {
        Violations v = new Violations();
        for (int i = 0; i < spec.channels().size(); i++) {
            StorageUri source = spec.channels().get(i).source();
            v.check(source.isS3(), "channels[" + i + "].source", source, "must be an s3:// URI for SageMaker: upload the"
                    + " local data first (Storage.put to s3://<bucket>/<prefix>/, or run through Drydock, which uploads"
                    + " file:// inputs to the backend's bucket) and use the returned URI");
        }
        v.check(spec.outputPath() != null && spec.outputPath().isS3(), "outputPath", spec.outputPath(),
                "must be an s3:// URI for SageMaker, such as s3://my-bucket/output/");
        if (spec.checkpoint() != null) {
            v.check(spec.checkpoint().uri().isS3(), "checkpoint.uri", spec.checkpoint().uri(),
                    "must be an s3:// URI for SageMaker, such as s3://my-bucket/checkpoints/");
        }
        v.check(spec.tags().size() < TrainingJobSpec.MAX_TAGS, "tags", spec.tags().size() + " tags", "must be at most "
                + (TrainingJobSpec.MAX_TAGS - 1) + " on SageMaker: drydock adds the tag " + SpecFingerprint.TAG
                + " that makes submit idempotent");
        v.throwIfAny();
    }

    /**
     * The image as SageMaker documents TrainingImage: {@code registry/repository@digest} when pinned (the pin is what
     * must run; the tag only named it), else {@code registry/repository:tag}. SageMaker lists the two forms, not the
     * combined {@code :tag@digest} that Docker also reads.
     */
    static String trainingImage(dev.drydock.core.model.ImageReference image) {
        return image.digest() != null ? image.name() + "@" + image.digest() : image.toString();
    }

    private static int seconds(java.time.Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.getSeconds());
    }
}
