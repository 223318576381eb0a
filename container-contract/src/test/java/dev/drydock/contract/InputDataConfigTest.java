package dev.drydock.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputDataConfigTest {
    @TempDir
    Path dir;

    @Test
    void write_thenRead_keepsEveryFieldAndTheOrder() {
        InputDataConfig config = InputDataConfig.of(List.of(
                new ChannelConfig("training", "text/csv", TrainingInputMode.FAST_FILE,
                        S3DistributionType.SHARDED_BY_S3_KEY, RecordWrapperType.RECORD_IO, CompressionType.GZIP),
                ChannelConfig.named("validation")));
        Path file = dir.resolve("inputdataconfig.json");

        config.write(file);

        assertThat(InputDataConfig.read(file)).isEqualTo(config);
        assertThat(InputDataConfig.read(file).names()).containsExactly("training", "validation");
    }

    @Test
    void write_whenNoContentType_omitsTheKeyAndWritesEveryOtherFieldAsSageMakerDoes() throws Exception {
        Path file = dir.resolve("inputdataconfig.json");

        InputDataConfig.of(List.of(ChannelConfig.named("train"))).write(file);

        assertThat(Files.readString(file)).isEqualTo("{\"train\":{\"TrainingInputMode\":\"File\","
                + "\"S3DistributionType\":\"FullyReplicated\",\"RecordWrapperType\":\"None\",\"CompressionType\":\"None\"}}\n");
    }

    @Test
    void read_whenFieldsAbsent_fillsSageMakerDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("i.json"), "{\"train\": {\"ContentType\": \"text/csv\"}}");

        ChannelConfig train = InputDataConfig.read(file).channel("train").orElseThrow();

        assertThat(train).isEqualTo(new ChannelConfig("train", "text/csv", TrainingInputMode.FILE,
                S3DistributionType.FULLY_REPLICATED, RecordWrapperType.NONE, CompressionType.NONE));
        assertThat(train.isSharded()).isFalse();
    }

    @Test
    void read_whenUnknownWireName_namesFileChannelValueAndTheAcceptedNames() throws Exception {
        Path file = Files.writeString(dir.resolve("i.json"), "{\"train\": {\"S3DistributionType\": \"Sharded\"}}");

        assertThatThrownBy(() -> InputDataConfig.read(file)).isInstanceOf(TrainingException.class)
                .hasMessage(file + " channel \"train\": S3DistributionType \"Sharded\" is not one of FullyReplicated,"
                        + " ShardedByS3Key (the names are case-sensitive)");
    }

    @Test
    void read_whenChannelIsNotAnObject_saysSo() throws Exception {
        Path file = Files.writeString(dir.resolve("i.json"), "{\"train\": \"File\"}");

        assertThatThrownBy(() -> InputDataConfig.read(file))
                .hasMessageContaining("channel \"train\" must be a JSON object {...}, found the string \"File\"");
    }

    @Test
    void fromFolders_listsChannelFoldersSorted() throws Exception {
        Files.createDirectories(dir.resolve("data/train"));
        Files.createDirectories(dir.resolve("data/extra"));
        Files.writeString(dir.resolve("data/stray.csv"), "x");

        assertThat(InputDataConfig.fromFolders(dir.resolve("data")).names()).containsExactly("extra", "train");
    }

    @Test
    void of_whenNameRepeatedOrInvalid_refuses() {
        assertThatThrownBy(() -> InputDataConfig.of(List.of(ChannelConfig.named("a"), ChannelConfig.named("a"))))
                .hasMessageContaining("channel \"a\" is given twice");
        assertThatThrownBy(() -> ChannelConfig.named("../etc")).hasMessageContaining("must match");
    }
}
