package dev.drydock.aws;

import dev.drydock.core.model.TrainingJobSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpecFingerprintTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/SageMakerExecution";

    private static TrainingJobSpec.Builder spec() {
        return TrainingJobSpec.builder().name("job-1").image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/trainer:1")
                .outputPath("s3://bucket/models/");
    }

    @Test
    void of_whenSpecHasTheRole_isCoresFingerprint() {
        TrainingJobSpec withRole = spec().roleArn(ROLE).build();

        assertThat(SpecFingerprint.of(withRole, ROLE)).isEqualTo(withRole.fingerprint());
    }

    @Test
    void of_whenRoleComesFromTheBackendDefault_equalsTheSpecThatNamesIt() {
        assertThat(SpecFingerprint.of(spec().build(), ROLE)).isEqualTo(SpecFingerprint.of(spec().roleArn(ROLE).build(), ROLE))
                .isNotEqualTo(SpecFingerprint.of(spec().build(), "arn:aws:iam::123456789012:role/Other"));
    }

    @Test
    void of_whenMapsFilledInAnotherOrder_isTheSame() {
        TrainingJobSpec a = spec().hyperparameter("eta", "0.1").hyperparameter("depth", "5").environment("A", "1").environment("B", "2")
                .tag("team", "ml").tag("project", "p").build();
        TrainingJobSpec b = spec().hyperparameter("depth", "5").hyperparameter("eta", "0.1").environment("B", "2").environment("A", "1")
                .tag("project", "p").tag("team", "ml").build();

        assertThat(SpecFingerprint.of(a, ROLE)).isEqualTo(SpecFingerprint.of(b, ROLE));
    }
}
