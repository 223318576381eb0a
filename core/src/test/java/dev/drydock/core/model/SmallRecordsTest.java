package dev.drydock.core.model;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static dev.drydock.core.model.ViolationAssert.assertSingleViolation;
import static org.assertj.core.api.Assertions.assertThat;

/** VpcConfig, RetryStrategy and CheckpointConfig: each rule, each message. */
class SmallRecordsTest {

    @Test
    void vpcConfig_whenValid_accepts() {
        assertThat(new VpcConfig(List.of("sg-0123456789abcdef0"), List.of("subnet-0123")).subnets()).hasSize(1);
    }

    @Test
    void vpcConfig_whenNoSecurityGroup_rejects() {
        assertSingleViolation(() -> new VpcConfig(List.of(), List.of("subnet-1")), "securityGroupIds", "[]", "1 to 5 ids");
    }

    @Test
    void vpcConfig_whenSixSecurityGroups_rejects() {
        List<String> six = Collections.nCopies(6, "sg-1");
        assertSingleViolation(() -> new VpcConfig(six, List.of("subnet-1")), "securityGroupIds", six.toString(), "1 to 5 ids");
    }

    @Test
    void vpcConfig_whenSeventeenSubnets_rejects() {
        List<String> many = Collections.nCopies(17, "subnet-1");
        assertSingleViolation(() -> new VpcConfig(List.of("sg-1"), many), "subnets", many.toString(), "1 to 16 ids");
    }

    @Test
    void vpcConfig_whenIdMalformed_rejects() {
        assertSingleViolation(() -> new VpcConfig(List.of("sg_1"), List.of("subnet-1")), "securityGroupIds", "sg_1",
                "an id such as sg-");
        assertSingleViolation(() -> new VpcConfig(List.of("sg-1"), List.of("subnet 1")), "subnets", "subnet 1",
                "an id such as subnet-");
    }

    @Test
    void retryStrategy_whenOneTo30_acceptsElseRejects() {
        assertThat(new RetryStrategy(1).maximumRetryAttempts()).isEqualTo(1);
        assertThat(new RetryStrategy(30).maximumRetryAttempts()).isEqualTo(30);
        assertSingleViolation(() -> new RetryStrategy(0), "maximumRetryAttempts", "0", "between 1 and 30");
        assertSingleViolation(() -> new RetryStrategy(31), "maximumRetryAttempts", "31", "between 1 and 30");
    }

    @Test
    void checkpointConfig_whenLocalPathOmitted_defaultsToOptMlCheckpoints() {
        assertThat(CheckpointConfig.of(StorageUri.parse("s3://bucket/ckpt/")).localPath()).isEqualTo("/opt/ml/checkpoints");
        assertThat(new CheckpointConfig(StorageUri.parse("s3://bucket/ckpt/"), null).localPath()).isEqualTo("/opt/ml/checkpoints");
    }

    @Test
    void checkpointConfig_whenRelativePathOrNoUri_rejects() {
        assertSingleViolation(() -> new CheckpointConfig(StorageUri.parse("s3://bucket/c/"), "ckpt"), "localPath", "ckpt",
                "absolute path");
        assertSingleViolation(() -> new CheckpointConfig(null, "/opt/ml/checkpoints"), "uri", null, "storage URI");
    }
}
