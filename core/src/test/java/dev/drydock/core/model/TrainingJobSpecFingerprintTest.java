package dev.drydock.core.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingJobSpecFingerprintTest {

    /** A spec with every field set, the hyperparameters, environment, tags, channels and metrics in one order. */
    private static TrainingJobSpec.Builder full() {
        return TrainingJobSpec.builder().name("job-1").image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/trainer:1.0")
                .containerEntrypoint(List.of("java", "-jar", "/app/trainer.jar"))
                .containerArguments(List.of("train", "--fast"))
                .inputMode(InputMode.FILE)
                .channel(Channel.builder("train").source("s3://bucket/train/").contentType("text/csv")
                        .inputMode(InputMode.FILE).distribution(DataDistribution.FULLY_REPLICATED)
                        .compression(CompressionType.NONE).recordWrapper(RecordWrapper.NONE))
                .channel("validation", "s3://bucket/validation/")
                .hyperparameter("eta", "0.1").hyperparameter("max_depth", 5).hyperparameter("objective", "reg:squarederror")
                .resources(new Resources("ml.m5.xlarge", 2, 50, "kms-volume"))
                .stoppingCondition(new StoppingCondition(Duration.ofHours(2), Duration.ofHours(3)))
                .useSpotInstances(true)
                .checkpoint(new CheckpointConfig(StorageUri.parse("s3://bucket/checkpoints/"), "/opt/ml/checkpoints"))
                .metric("rmse", "rmse: ([0-9.]+)").metric("mae", "mae: ([0-9.]+)")
                .environment("A", "1").environment("B", "2")
                .tag("team", "ml").tag("project", "houses")
                .vpc(new VpcConfig(List.of("sg-1", "sg-2"), List.of("subnet-1", "subnet-2")))
                .networkIsolation(true)
                .interContainerEncryption(true)
                .retryStrategy(new RetryStrategy(2))
                .outputPath("s3://bucket/models/")
                .outputKmsKeyId("kms-output")
                .roleArn("arn:aws:iam::123456789012:role/SageMakerExecution");
    }

    /** The same spec with every map, keyed list and set filled in the reverse order. */
    private static TrainingJobSpec.Builder fullReordered() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("B", "2");
        env.put("A", "1");
        return TrainingJobSpec.builder().name("job-1").image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/trainer:1.0")
                .containerEntrypoint(List.of("java", "-jar", "/app/trainer.jar"))
                .containerArguments(List.of("train", "--fast"))
                .inputMode(InputMode.FILE)
                .channel("validation", "s3://bucket/validation/")
                .channel(Channel.builder("train").source("s3://bucket/train/").contentType("text/csv")
                        .inputMode(InputMode.FILE).distribution(DataDistribution.FULLY_REPLICATED)
                        .compression(CompressionType.NONE).recordWrapper(RecordWrapper.NONE))
                .hyperparameter("objective", "reg:squarederror").hyperparameter("max_depth", 5).hyperparameter("eta", "0.1")
                .resources(new Resources("ml.m5.xlarge", 2, 50, "kms-volume"))
                .stoppingCondition(new StoppingCondition(Duration.ofHours(2), Duration.ofHours(3)))
                .useSpotInstances(true)
                .checkpoint(new CheckpointConfig(StorageUri.parse("s3://bucket/checkpoints/"), "/opt/ml/checkpoints"))
                .metric("mae", "mae: ([0-9.]+)").metric("rmse", "rmse: ([0-9.]+)")
                .environment(env)
                .tag("project", "houses").tag("team", "ml")
                .vpc(new VpcConfig(List.of("sg-2", "sg-1"), List.of("subnet-2", "subnet-1")))
                .networkIsolation(true)
                .interContainerEncryption(true)
                .retryStrategy(new RetryStrategy(2))
                .outputPath("s3://bucket/models/")
                .outputKmsKeyId("kms-output")
                .roleArn("arn:aws:iam::123456789012:role/SageMakerExecution");
    }

    @Test
    void fingerprint_whenComputed_isLowerCaseHexSha256AndStable() {
        TrainingJobSpec spec = full().build();

        assertThat(spec.fingerprint()).matches("[0-9a-f]{64}").isEqualTo(full().build().fingerprint())
                .isEqualTo(spec.toBuilder().build().fingerprint());
    }

    @Test
    void fingerprint_whenMapsAndKeyedListsFilledInAnotherOrder_isTheSame() {
        TrainingJobSpec a = full().build();
        TrainingJobSpec b = fullReordered().build();

        assertThat(a.toString()).as("the records' own text leaks the insertion order").isNotEqualTo(b.toString());
        assertThat(b.fingerprint()).isEqualTo(a.fingerprint());
    }

    @Test
    void fingerprint_whenAnyFieldChanges_changes() {
        String base = full().build().fingerprint();
        Map<String, UnaryOperator<TrainingJobSpec.Builder>> changes = new LinkedHashMap<>();
        changes.put("name", b -> b.name("job-2"));
        changes.put("image", b -> b.image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/trainer:1.1"));
        changes.put("containerEntrypoint", b -> b.containerEntrypoint(List.of("java", "-jar", "/app/other.jar")));
        changes.put("containerEntrypoint order", b -> b.containerEntrypoint(List.of("-jar", "java", "/app/trainer.jar")));
        changes.put("containerArguments", b -> b.containerArguments(List.of("train")));
        changes.put("inputMode", b -> b.inputMode(InputMode.PIPE));
        changes.put("channel added", b -> b.channel("test", "s3://bucket/test/"));
        changes.put("hyperparameter value", b -> b.hyperparameter("eta", "0.2"));
        changes.put("hyperparameter added", b -> b.hyperparameter("seed", "1"));
        changes.put("resources.instanceType", b -> b.resources(new Resources("ml.m5.large", 2, 50, "kms-volume")));
        changes.put("resources.instanceCount", b -> b.resources(new Resources("ml.m5.xlarge", 3, 50, "kms-volume")));
        changes.put("resources.volumeSizeGb", b -> b.resources(new Resources("ml.m5.xlarge", 2, 51, "kms-volume")));
        changes.put("resources.volumeKmsKeyId", b -> b.resources(new Resources("ml.m5.xlarge", 2, 50, null)));
        changes.put("maxRuntime", b -> b.stoppingCondition(new StoppingCondition(Duration.ofHours(1), Duration.ofHours(3))));
        changes.put("maxWaitTime", b -> b.stoppingCondition(new StoppingCondition(Duration.ofHours(2), Duration.ofHours(4))));
        changes.put("useSpotInstances", b -> b.useSpotInstances(false).stoppingCondition(StoppingCondition.of(Duration.ofHours(2))));
        changes.put("checkpoint.uri", b -> b.checkpoint(new CheckpointConfig(StorageUri.parse("s3://bucket/ck2/"), "/opt/ml/checkpoints")));
        changes.put("checkpoint.localPath", b -> b.checkpoint(new CheckpointConfig(StorageUri.parse("s3://bucket/checkpoints/"), "/ck")));
        changes.put("checkpoint removed", b -> b.checkpoint(null));
        changes.put("metric regex", b -> b.metric("loss", "loss=([0-9.]+)"));
        changes.put("environment value", b -> b.environment("A", "3"));
        changes.put("tag value", b -> b.tag("team", "data"));
        changes.put("vpc subnets", b -> b.vpc(new VpcConfig(List.of("sg-1", "sg-2"), List.of("subnet-1"))));
        changes.put("vpc groups", b -> b.vpc(new VpcConfig(List.of("sg-1"), List.of("subnet-1", "subnet-2"))));
        changes.put("vpc removed", b -> b.vpc(null));
        changes.put("networkIsolation", b -> b.networkIsolation(false));
        changes.put("interContainerEncryption", b -> b.interContainerEncryption(false));
        changes.put("retryStrategy", b -> b.retryStrategy(new RetryStrategy(3)));
        changes.put("retryStrategy removed", b -> b.retryStrategy(null));
        changes.put("outputPath", b -> b.outputPath("s3://bucket/other-models/"));
        changes.put("outputKmsKeyId", b -> b.outputKmsKeyId("kms-other"));
        changes.put("roleArn", b -> b.roleArn("arn:aws:iam::123456789012:role/Other"));

        Map<String, String> seen = new LinkedHashMap<>();
        seen.put(base, "base");
        changes.forEach((field, change) -> {
            String fingerprint = change.apply(full()).build().fingerprint();
            assertThat(seen.putIfAbsent(fingerprint, field)).as("changing %s must change the fingerprint", field).isNull();
        });
    }

    @Test
    void fingerprint_whenAnyChannelFieldChanges_changes() {
        Map<String, UnaryOperator<Channel.Builder>> changes = new LinkedHashMap<>();
        changes.put("base", c -> c);
        changes.put("source", c -> c.source("s3://bucket/other/"));
        changes.put("contentType", c -> c.contentType("application/json"));
        changes.put("inputMode", c -> c.inputMode(InputMode.PIPE));
        changes.put("distribution", c -> c.distribution(DataDistribution.SHARDED_BY_S3_KEY));
        changes.put("compression", c -> c.compression(CompressionType.GZIP));
        changes.put("recordWrapper", c -> c.recordWrapper(RecordWrapper.RECORD_IO));

        Map<String, String> seen = new LinkedHashMap<>();
        changes.forEach((field, change) -> {
            Channel.Builder channel = change.apply(Channel.builder("train").source("s3://bucket/train/").contentType("text/csv"));
            String fingerprint = TrainingJobSpecTest.valid().channel(channel).build().fingerprint();
            assertThat(seen.putIfAbsent(fingerprint, field)).as("changing channel %s must change the fingerprint", field).isNull();
        });
    }

    @Test
    void fingerprint_whenValuesCouldRunIntoTheirNeighbours_tellsThemApart() {
        TrainingJobSpec a = TrainingJobSpecTest.valid().environment("A", "1\nenvironment.B 1:2").build();
        TrainingJobSpec b = TrainingJobSpecTest.valid().environment("A", "1").environment("B", "2").build();
        TrainingJobSpec c = TrainingJobSpecTest.valid().hyperparameter("a", "bc").build();
        TrainingJobSpec d = TrainingJobSpecTest.valid().hyperparameter("ab", "c").build();

        assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint());
        assertThat(c.fingerprint()).isNotEqualTo(d.fingerprint());
    }

    @Test
    void render_whenMinimalSpec_writesEveryFieldInTheDocumentedForm() {
        String text = SpecCanonicalForm.render(TrainingJobSpecTest.valid().hyperparameter("b", "2").hyperparameter("a", "1").build());

        assertThat(text).startsWith(SpecCanonicalForm.VERSION + "\nname 5:job-1\nimage ")
                .contains("\nhyperparameters 1:2\nhyperparameters.1:a 1:1\nhyperparameters.1:b 1:2\n")
                .contains("\ncheckpoint ~\n").contains("\nroleArn ~\n");
    }
}
