package dev.drydock.core.model;

import dev.drydock.core.error.Violation;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static dev.drydock.core.model.ViolationAssert.assertSingleViolation;
import static dev.drydock.core.model.ViolationAssert.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TrainingJobSpecTest {

    /** A builder of a valid spec that tests break one rule at a time. */
    static TrainingJobSpec.Builder valid() {
        return TrainingJobSpec.builder().name("job-1").image("drydock/trainer:latest").outputPath("s3://bucket/models/");
    }

    @Test
    void build_whenValid_appliesDefaultsAndPlacesModelUnderOutputPath() {
        TrainingJobSpec spec = valid().channel("train", "s3://bucket/train/").build();

        assertThat(spec.inputMode()).isEqualTo(InputMode.FILE);
        assertThat(spec.resources()).isEqualTo(Resources.defaults());
        assertThat(spec.stoppingCondition()).isEqualTo(StoppingCondition.defaults());
        assertThat(spec.modelArtifactUri().toString()).isEqualTo("s3://bucket/models/job-1/output/model.tar.gz");
        assertThat(spec.outputArtifactUri().toString()).isEqualTo("s3://bucket/models/job-1/output/output.tar.gz");
        assertThat(spec.toBuilder().build()).isEqualTo(spec);
    }

    @Test
    void build_whenNoNameGiven_generatesOneFromBaseNameOrImage() {
        assertThat(TrainingJobSpec.builder().baseName("house-prices").image("drydock/trainer").outputPath("s3://bucket/m/")
                .build().name().value()).startsWith("house-prices-");
        assertThat(TrainingJobSpec.builder().image("drydock/trainer").outputPath("s3://bucket/m/")
                .build().name().value()).startsWith("trainer-");
    }

    @Test
    void build_whenImageOrOutputPathMissing_reportsBoth() {
        List<Violation> violations = violationsOf(() -> TrainingJobSpec.builder().name("job-1").build());

        assertThat(violations).extracting(Violation::field, Violation::value)
                .containsExactly(tuple("image", null), tuple("outputPath", null));
    }

    @Test
    void build_whenMoreThan100EnvironmentEntries_rejects() {
        TrainingJobSpec.Builder b = valid();
        for (int i = 0; i < 101; i++) {
            b.environment("VAR_" + i, "x");
        }
        assertSingleViolation(b::build, "environment", "101 entries", "at most 100 entries");
    }

    @Test
    void build_whenEnvironmentNameOrValueBreaksRule_rejects() {
        assertSingleViolation(() -> valid().environment("1BAD", "x").build(), "environment", "1BAD", "[a-zA-Z_][a-zA-Z0-9_]*");
        assertSingleViolation(() -> valid().environment("OK", "v".repeat(513)).build(), "environment.OK", "513 characters",
                "at most 512 characters");
    }

    @Test
    void build_whenMoreThan50Tags_rejects() {
        TrainingJobSpec.Builder b = valid();
        for (int i = 0; i < 51; i++) {
            b.tag("t" + i, "x");
        }
        assertSingleViolation(b::build, "tags", "51 tags", "at most 50 tags");
    }

    @Test
    void build_whenTagKeyReservedOrTooLongOrValueTooLong_rejects() {
        assertSingleViolation(() -> valid().tag("aws:owner", "x").build(), "tags", "aws:owner", "must not start with aws:");
        assertSingleViolation(() -> valid().tag("k".repeat(129), "x").build(), "tags", "k".repeat(129), "1 to 128 characters");
        assertSingleViolation(() -> valid().tag("team", "v".repeat(257)).build(), "tags.team", "v".repeat(257),
                "at most 256 characters");
    }

    @Test
    void build_whenRoleArnMalformed_rejects() {
        assertThat(valid().roleArn("arn:aws:iam::123456789012:role/SageMakerExecution").build().roleArn()).isNotNull();
        assertThat(valid().roleArn("arn:aws-cn:iam::123456789012:role/service-role/x").build().roleArn()).isNotNull();
        assertSingleViolation(() -> valid().roleArn("arn:aws:iam::12345:role/x").build(), "roleArn",
                "arn:aws:iam::12345:role/x", "IAM role ARN");
    }

    @Test
    void build_whenMoreThan20Channels_rejects() {
        TrainingJobSpec.Builder b = valid();
        for (int i = 0; i < 21; i++) {
            b.channel("c" + i, "s3://bucket/c" + i + "/");
        }
        assertSingleViolation(b::build, "channels", "21 channels", "at most 20 channels");
    }

    @Test
    void build_whenMoreThan40MetricsOrDuplicateNames_rejects() {
        TrainingJobSpec.Builder b = valid();
        for (int i = 0; i < 41; i++) {
            b.metric("m" + i, "m" + i + "=([0-9.]+)");
        }
        assertSingleViolation(b::build, "metricDefinitions", "41 definitions", "at most 40 definitions");
        assertSingleViolation(() -> valid().metric("rmse", "a=(\\d)").metric("rmse", "b=(\\d)").build(),
                "metricDefinitions[1].name", "rmse", "must be unique");
    }

    @Test
    void build_whenEntrypointOrArgumentsOver100Items_rejects() {
        List<String> many = Collections.nCopies(101, "x");
        assertSingleViolation(() -> valid().containerEntrypoint(many).build(), "containerEntrypoint", "101 items", "at most 100 items");
        assertSingleViolation(() -> valid().containerArguments(many).build(), "containerArguments", "101 items", "at most 100 items");
    }

    @Test
    void build_whenOutputKmsKeyBlank_rejects() {
        assertSingleViolation(() -> valid().outputKmsKeyId("").build(), "outputKmsKeyId", "", "must not be blank");
    }

    @Test
    void build_whenSeveralFaults_reportsEveryOneAtOnce() {
        TrainingJobSpec.Builder b = TrainingJobSpec.builder()
                .name("bad_name")
                .image("Bad/Image")
                .outputPath("s3://BAD/models/")
                .channel("bad name", "s3://bucket/train/")
                .hyperparameter("eta", "v".repeat(2501))
                .environment("1BAD", "x")
                .tag("aws:owner", "me")
                .roleArn("not-an-arn");

        List<Violation> violations = violationsOf(b::build);

        assertThat(violations).extracting(Violation::field, Violation::value).containsExactlyInAnyOrder(
                tuple("jobName", "bad_name"),
                tuple("image.repository", "Bad/Image"),
                tuple("outputPath.uri.bucket", "BAD"),
                tuple("channels[0].name", "bad name"),
                tuple("hyperparameters.eta", "2501 characters"),
                tuple("environment", "1BAD"),
                tuple("tags", "aws:owner"),
                tuple("roleArn", "not-an-arn"));
    }

    @Test
    void build_whenImageFailsToParse_reportsTheImageFaultNotAMissingName() {
        List<Violation> violations = violationsOf(() -> TrainingJobSpec.builder().image("Bad/Image")
                .outputPath("s3://bucket/m/").build());

        assertThat(violations).extracting(Violation::field).containsExactly("image.repository");
    }

    @Test
    void toString_whenEnvironmentHoldsASecret_masksItsValue() {
        TrainingJobSpec spec = TrainingJobSpec.builder()
                .name("masked")
                .image("drydock/trainer:latest")
                .outputPath("s3://drydock-test/models/")
                .environment("API_TOKEN", "s3cr3t-value-123")
                .build();

        assertThat(spec.toString()).contains("API_TOKEN=****").contains("masked").doesNotContain("s3cr3t-value-123");
    }
}
