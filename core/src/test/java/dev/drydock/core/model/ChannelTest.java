package dev.drydock.core.model;

import dev.drydock.core.error.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.drydock.core.model.ViolationAssert.assertSingleViolation;
import static dev.drydock.core.model.ViolationAssert.assertViolation;
import static dev.drydock.core.model.ViolationAssert.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;

class ChannelTest {
    private static final StorageUri SOURCE = StorageUri.parse("s3://bucket/train/");

    @Test
    void of_whenValid_appliesDefaults() {
        Channel c = Channel.of("train.v1_a-b", SOURCE);

        assertThat(c.distribution()).isEqualTo(DataDistribution.FULLY_REPLICATED);
        assertThat(c.compression()).isEqualTo(CompressionType.NONE);
        assertThat(c.recordWrapper()).isEqualTo(RecordWrapper.NONE);
        assertThat(c.effectiveInputMode(InputMode.PIPE)).isEqualTo(InputMode.PIPE);
    }

    @Test
    void of_whenNameHasRefusedCharacter_rejects() {
        assertSingleViolation(() -> Channel.of("train data", SOURCE), "name", "train data", "must match " + Channel.NAME_RULE);
    }

    @Test
    void of_whenNameLongerThan64_rejects() {
        assertThat(Channel.of("a".repeat(64), SOURCE).name()).hasSize(64);
        assertSingleViolation(() -> Channel.of("a".repeat(65), SOURCE), "name", "a".repeat(65), "at most 64 characters");
    }

    @Test
    void of_whenSourceMissing_rejects() {
        assertSingleViolation(() -> Channel.of("train", null), "source", null, "must be a storage URI");
    }

    @Test
    void builder_whenContentTypeTooLong_rejects() {
        String type = "t".repeat(257);
        assertSingleViolation(() -> Channel.builder("train").source(SOURCE).contentType(type).build(), "contentType", type,
                "at most 256 characters");
    }

    @Test
    void builder_whenNameAndSourceBothBad_reportsBoth() {
        List<Violation> violations = violationsOf(() -> Channel.builder("bad name").source("http://x/y").build());

        assertThat(violations).hasSize(2);
        assertViolation(violations.get(0), "source.uri.scheme", "http", "must be s3 or file");
        assertViolation(violations.get(1), "name", "bad name", "must match");
    }

    @Test
    void spec_whenTwoChannelsShareAName_rejectsTheSecond() {
        List<Violation> violations = violationsOf(() -> TrainingJobSpecTest.valid()
                .channel("train", "s3://bucket/a/").channel("train", "s3://bucket/b/").build());

        assertThat(violations).singleElement()
                .satisfies(v -> assertViolation(v, "channels[1].name", "train", "must be unique"));
    }
}
