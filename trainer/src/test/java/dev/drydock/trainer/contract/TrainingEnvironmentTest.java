package dev.drydock.trainer.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.trainer.testing.MlTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingEnvironmentTest {
    @TempDir
    Path root;

    @Test
    void hyperparameters_whenFileHoldsStrings_returnsThem() {
        MlTree.at(root).hyperparameters(Map.of("max_depth", "[3,4]", "seed", "7"));

        Hyperparameters hp = TrainingEnvironment.at(root).hyperparameters();

        assertThat(hp.asMap()).containsExactly(Map.entry("max_depth", "[3,4]"), Map.entry("seed", "7"));
        assertThat(hp.integer("seed", 0)).isEqualTo(7);
    }

    @Test
    void hyperparameters_whenFileAbsent_returnsNone() {
        assertThat(TrainingEnvironment.at(root).hyperparameters().asMap()).isEmpty();
    }

    @Test
    void hyperparameters_whenNotJson_throwsNamingTheFile() {
        MlTree.at(root).file("input/config/hyperparameters.json", "{not json");

        assertThatThrownBy(() -> TrainingEnvironment.at(root).hyperparameters())
                .isInstanceOf(TrainingException.class).hasMessageContaining("hyperparameters.json is not valid JSON");
    }

    @Test
    void channels_whenInputDataConfigPresent_readsEveryField() {
        MlTree.at(root).file("input/config/inputdataconfig.json", """
                {"training": {"ContentType": "text/csv", "TrainingInputMode": "File",
                  "S3DistributionType": "FullyReplicated", "RecordWrapperType": "None"},
                 "validation": {"TrainingInputMode": "FastFile"}}""");

        Map<String, ChannelConfig> channels = TrainingEnvironment.at(root).channels();

        assertThat(channels.get("training"))
                .isEqualTo(new ChannelConfig("training", "text/csv", "File", "FullyReplicated", "None"));
        assertThat(channels.get("validation").trainingInputMode()).isEqualTo("FastFile");
        assertThat(channels.get("validation").s3DistributionType()).isEqualTo("FullyReplicated");
    }

    @Test
    void channels_whenNoConfigFile_listsFolders() {
        MlTree.at(root).data("train", "a.csv", "x\n1\n").data("extra", "b.csv", "x\n1\n");

        assertThat(TrainingEnvironment.at(root).channels()).containsOnlyKeys("extra", "train");
    }

    @Test
    void channel_whenFolderMissing_throwsNamingChannelAndPath() {
        MlTree.at(root);

        assertThatThrownBy(() -> TrainingEnvironment.at(root).channel("training"))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("channel \"training\" is missing")
                .hasMessageContaining(root.resolve("input/data/training").toString());
    }

    @Test
    void resourceConfig_whenPresent_readsHosts() {
        MlTree.at(root).file("input/config/resourceconfig.json", """
                {"current_host": "algo-2", "hosts": ["algo-1", "algo-2"], "current_instance_type": "ml.m5.large",
                 "current_group_name": "homogeneousCluster", "network_interface_name": "eth0"}""");

        ResourceConfig config = TrainingEnvironment.at(root).resourceConfig();

        assertThat(config.hosts()).containsExactly("algo-1", "algo-2");
        assertThat(config.currentInstanceType()).isEqualTo("ml.m5.large");
        assertThat(config.isLeader()).isFalse();
    }

    @Test
    void resourceConfig_whenAbsent_isSingleHost() {
        assertThat(TrainingEnvironment.at(root).resourceConfig()).isEqualTo(ResourceConfig.SINGLE_HOST);
    }

    @Test
    void resourceConfig_whenCurrentHostNotInHosts_throws() {
        MlTree.at(root).file("input/config/resourceconfig.json", "{\"current_host\": \"algo-9\", \"hosts\": [\"algo-1\"]}");

        assertThatThrownBy(() -> TrainingEnvironment.at(root).resourceConfig())
                .isInstanceOf(TrainingException.class).hasMessageContaining("algo-9");
    }

    @Test
    void outputFolders_whenAsked_areCreatedUnderRoot() {
        TrainingEnvironment env = TrainingEnvironment.at(root);

        assertThat(List.of(env.modelDir(), env.outputDataDir(), env.checkpointDir())).allSatisfy(p ->
                assertThat(p).isDirectory().startsWith(root));
        assertThat(env.failureFile()).isEqualTo(root.resolve("output/failure"));
    }

    @Test
    void fromSystem_whenPropertySet_usesItAsRoot() {
        String previous = System.getProperty(TrainingEnvironment.ROOT_PROPERTY);
        System.setProperty(TrainingEnvironment.ROOT_PROPERTY, root.toString());
        try {
            assertThat(TrainingEnvironment.fromSystem().root()).isEqualTo(root.toAbsolutePath());
        } finally {
            if (previous == null) {
                System.clearProperty(TrainingEnvironment.ROOT_PROPERTY);
            } else {
                System.setProperty(TrainingEnvironment.ROOT_PROPERTY, previous);
            }
        }
    }
}
