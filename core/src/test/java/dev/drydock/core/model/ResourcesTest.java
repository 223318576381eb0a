package dev.drydock.core.model;

import dev.drydock.core.error.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.drydock.core.model.ViolationAssert.assertSingleViolation;
import static dev.drydock.core.model.ViolationAssert.assertViolation;
import static dev.drydock.core.model.ViolationAssert.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;

class ResourcesTest {

    @Test
    void of_whenValid_namesHostsAlgo1ToN() {
        assertThat(Resources.of("ml.m5.xlarge", 3).hostNames()).containsExactly("algo-1", "algo-2", "algo-3");
        assertThat(Resources.defaults().instanceType()).isEqualTo(Resources.DEFAULT_INSTANCE_TYPE);
    }

    @Test
    void constructor_whenInstanceTypeNotMl_rejects() {
        assertSingleViolation(() -> Resources.of("m5.large", 1), "instanceType", "m5.large", "ML instance type");
    }

    @Test
    void constructor_whenCountBelowOne_rejects() {
        assertSingleViolation(() -> Resources.of("ml.m5.large", 0), "instanceCount", "0", "at least 1");
    }

    @Test
    void constructor_whenVolumeOutOfRange_rejects() {
        assertSingleViolation(() -> new Resources("ml.m5.large", 1, 0, null), "volumeSizeGb", "0", "between 1 and 16384");
        assertSingleViolation(() -> new Resources("ml.m5.large", 1, 16385, null), "volumeSizeGb", "16385", "between 1 and 16384");
    }

    @Test
    void constructor_whenKmsKeyBlank_rejects() {
        assertSingleViolation(() -> new Resources("ml.m5.large", 1, 30, " "), "volumeKmsKeyId", " ", "must not be blank");
    }

    @Test
    void constructor_whenSeveralFaults_reportsAll() {
        List<Violation> violations = violationsOf(() -> new Resources("big", -1, 0, null));

        assertThat(violations).hasSize(3);
        assertViolation(violations.get(0), "instanceType", "big", "ML instance type");
        assertViolation(violations.get(1), "instanceCount", "-1", "at least 1");
        assertViolation(violations.get(2), "volumeSizeGb", "0", "between 1 and 16384");
    }
}
