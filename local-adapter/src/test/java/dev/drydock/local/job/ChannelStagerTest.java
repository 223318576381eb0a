package dev.drydock.local.job;

import dev.drydock.core.model.Channel;
import dev.drydock.core.model.CompressionType;
import dev.drydock.core.model.DataDistribution;
import dev.drydock.core.model.InputMode;
import dev.drydock.core.model.RecordWrapper;
import dev.drydock.core.model.Resources;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.local.DirectoryStorageFake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Channel staging (replicated, sharded, gzip) and the inputdataconfig.json it goes with. */
class ChannelStagerTest {
    @TempDir
    Path tmp;

    private final ChannelStager stager = new ChannelStager(new DirectoryStorageFake());

    @Test
    void stage_whenShardedByS3KeyOverTwoHosts_dealsObjectsRoundRobinByKey() throws IOException {
        Path source = Files.createDirectories(tmp.resolve("src"));
        for (String name : List.of("a.csv", "b.csv", "c.csv", "sub/d.csv")) {
            Files.createDirectories(source.resolve(name).getParent());
            Files.writeString(source.resolve(name), name);
        }
        Channel channel = Channel.builder("train").source(StorageUri.of(source)).distribution(DataDistribution.SHARDED_BY_S3_KEY).build();
        List<HostFolder> hosts = hosts(2);

        stager.stage(spec(channel, 2), hosts);

        assertThat(files(hosts.get(0).data().resolve("train"))).containsExactly("a.csv", "c.csv");
        assertThat(files(hosts.get(1).data().resolve("train"))).containsExactly("b.csv", "sub/d.csv");
    }

    @Test
    void stage_whenFullyReplicated_everyHostGetsEveryObjectWithPathsKept() throws IOException {
        Path source = Files.createDirectories(tmp.resolve("src/sub"));
        Files.writeString(source.resolve("x.csv"), "x");
        Channel channel = Channel.of("train", StorageUri.of(tmp.resolve("src")));
        List<HostFolder> hosts = hosts(3);

        stager.stage(spec(channel, 3), hosts);

        for (HostFolder host : hosts) {
            assertThat(Files.readString(host.data().resolve("train/sub/x.csv"))).isEqualTo("x");
        }
    }

    @Test
    void stage_whenGzipCompressed_decompressesAndDropsTheSuffix() throws IOException {
        Path source = Files.createDirectories(tmp.resolve("src"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(source.resolve("data.csv.gz")))) {
            out.write("a,b\n1,2\n".getBytes());
        }
        Channel channel = Channel.builder("train").source(StorageUri.of(source)).compression(CompressionType.GZIP).build();
        List<HostFolder> hosts = hosts(1);

        stager.stage(spec(channel, 1), hosts);

        assertThat(files(hosts.get(0).data().resolve("train"))).containsExactly("data.csv");
        assertThat(Files.readString(hosts.get(0).data().resolve("train/data.csv"))).isEqualTo("a,b\n1,2\n");
    }

    @Test
    void inputDataConfig_whenChannelsConfigured_writesEveryFieldWithSageMakersNames() throws IOException {
        Files.writeString(tmp.resolve("f.csv"), "x");
        Channel channel = Channel.builder("train").source(StorageUri.of(tmp.resolve("f.csv"))).contentType("text/csv")
                .inputMode(InputMode.PIPE).distribution(DataDistribution.SHARDED_BY_S3_KEY).compression(CompressionType.GZIP)
                .recordWrapper(RecordWrapper.RECORD_IO).build();

        Path file = tmp.resolve("inputdataconfig.json");
        ContainerConfigFiles.inputDataConfig(spec(channel, 1)).write(file);

        assertThat(Files.readString(file).replaceAll("\\s", "")).isEqualTo("{\"train\":{\"ContentType\":\"text/csv\",\"TrainingInputMode\":\"Pipe\","
                + "\"S3DistributionType\":\"ShardedByS3Key\",\"RecordWrapperType\":\"RecordIO\",\"CompressionType\":\"Gzip\"}}");
    }

    private TrainingJobSpec spec(Channel channel, int hosts) {
        return TrainingJobSpec.builder().name("stage-test").image("drydock/trainer:latest").channel(channel)
                .resources(Resources.of("ml.m5.large", hosts)).outputPath(StorageUri.of(tmp).resolve("out/")).build();
    }

    private List<HostFolder> hosts(int n) {
        return Resources.of("ml.m5.large", n).hostNames().stream().map(h -> new HostFolder(h, tmp.resolve("job/" + h)).create()).toList();
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
