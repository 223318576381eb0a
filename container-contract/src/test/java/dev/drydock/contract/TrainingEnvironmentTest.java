package dev.drydock.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingEnvironmentTest {
    @TempDir
    Path root;

    @Test
    void readers_whenThePlatformWroteTheFiles_returnWhatItWrote() {
        OptMl layout = OptMl.at(root).create();
        Hyperparameters.of(Map.of("max_depth", "[3,4]", "seed", "7")).write(layout.hyperparametersFile());
        InputDataConfig.of(List.of(ChannelConfig.named("training"))).write(layout.inputDataConfigFile());
        ResourceConfig.homogeneous("algo-2", ResourceConfig.hostNames(2), "ml.m5.large").write(layout.resourceConfigFile());

        TrainingEnvironment env = TrainingEnvironment.of(layout, Map.of("TRAINING_JOB_NAME", "job-1"));

        assertThat(env.hyperparameters().integer("seed", 0)).isEqualTo(7);
        assertThat(env.channels()).containsOnlyKeys("training");
        assertThat(env.resourceConfig().rank()).isEqualTo(1);
        assertThat(env.jobName()).contains("job-1");
    }

    @Test
    void readers_whenFilesAbsent_useTheDocumentedDefaults() throws Exception {
        Files.createDirectories(root.resolve("input/data/train"));
        TrainingEnvironment env = TrainingEnvironment.at(root);

        assertThat(env.hyperparameters().asMap()).isEmpty();
        assertThat(env.channels()).containsOnlyKeys("train");
        assertThat(env.resourceConfig()).isEqualTo(ResourceConfig.singleHost("local"));
        assertThat(env.jobName()).isEmpty();
    }

    @Test
    void channel_whenFolderMissing_namesChannelAndPath() {
        assertThatThrownBy(() -> TrainingEnvironment.at(root).channel("training"))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("channel \"training\" is missing")
                .hasMessageContaining(root.resolve("input/data/training").toString());
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
        String previous = System.getProperty(OptMl.ROOT_PROPERTY);
        System.setProperty(OptMl.ROOT_PROPERTY, root.toString());
        try {
            assertThat(TrainingEnvironment.fromSystem().root()).isEqualTo(root.toAbsolutePath());
        } finally {
            if (previous == null) {
                System.clearProperty(OptMl.ROOT_PROPERTY);
            } else {
                System.setProperty(OptMl.ROOT_PROPERTY, previous);
            }
        }
    }
}
