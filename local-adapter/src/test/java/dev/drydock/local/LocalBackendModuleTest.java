package dev.drydock.local;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.port.ArtifactStore;
import dev.drydock.core.port.ImageRegistry;
import dev.drydock.core.port.Storage;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.local.docker.DockerTrainingBackend;
import dev.drydock.local.process.ChildProcessTrainingBackend;
import dev.drydock.testkit.InMemoryArtifactStore;
import dev.drydock.testkit.InMemoryImageRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Guice module and the plain builder give the same, configured objects. */
class LocalBackendModuleTest {
    @TempDir
    Path tmp;

    private final Storage storage = new DirectoryStorageFake();
    private final ArtifactStore artifacts = new InMemoryArtifactStore(new dev.drydock.testkit.InMemoryStorage());
    private final ImageRegistry registry = new InMemoryImageRegistry();

    @Test
    void injector_whenDefaultKind_bindsTheFourPortsWithTheChildProcessBackend() {
        Injector injector = Guice.createInjector(new LocalBackendModule(builder()));

        assertThat(injector.getInstance(TrainingBackend.class)).isInstanceOf(ChildProcessTrainingBackend.class)
                .isSameAs(injector.getInstance(LocalBackend.class).trainingBackend());
        assertThat(injector.getInstance(Storage.class)).isSameAs(storage);
        assertThat(injector.getInstance(ArtifactStore.class)).isSameAs(artifacts);
        assertThat(injector.getInstance(ImageRegistry.class)).isSameAs(registry);
        assertThat(((ChildProcessTrainingBackend) injector.getInstance(TrainingBackend.class)).jobRoot()).isEqualTo(tmp.resolve("jobs"));
        assertThat(injector.getInstance(LocalConfig.class).gracePeriod()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void build_whenDockerKind_givesTheDockerBackendWithoutContactingTheDaemon() {
        LocalBackend local = builder().docker(true).dockerHost("unix:///tmp/none.sock").build();

        assertThat(local.trainingBackend()).isInstanceOf(DockerTrainingBackend.class);
        assertThat(local.trainingBackend().name()).isEqualTo("docker");
        assertThat(local.config().dockerHost()).isEqualTo("unix:///tmp/none.sock");
    }

    @Test
    void build_whenProcessKindWithoutTrainer_throwsConfigurationSayingWhatToSet() {
        assertThatThrownBy(() -> builder().trainerCommand(null).build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("trainerJar").hasMessageContaining("trainerCommand");
    }

    @Test
    void config_whenNothingSet_hasSageMakersDefaults() {
        LocalConfig config = LocalConfig.defaults();

        assertThat(config.docker()).isFalse();
        assertThat(config.gracePeriod()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.jobRoot().toString()).endsWith("/.drydock/jobs");
        assertThat(config.registryIfAny()).isEmpty();
    }

    @Test
    void build_whenOnlyConfigured_runsAJobEndToEndOnTheFileSystemAdapters() throws Exception {
        Path data = java.nio.file.Files.createDirectories(tmp.resolve("data/train"));
        java.nio.file.Files.writeString(data.resolve("a.csv"), "a,b\n1,2\n");
        LocalBackend local = LocalBackend.builder().jobRoot(tmp.resolve("jobs")).storageRoots(java.util.List.of(tmp))
                .trainerCommand(TestTrainers.scriptedContainerCommand()).build();
        dev.drydock.core.model.TrainingJobSpec spec = dev.drydock.testkit.ContainerBehaviour.SUCCEED.applyTo(
                dev.drydock.core.model.TrainingJobSpec.builder()).name("end-to-end").image("drydock/trainer:latest")
                .channel("train", dev.drydock.core.model.StorageUri.of(data))
                .outputPath(dev.drydock.core.model.StorageUri.of(tmp).resolve("models/")).build();

        local.trainingBackend().submit(spec);
        dev.drydock.core.model.JobDescription done = new dev.drydock.testkit.JobWaiter(local.trainingBackend(),
                Duration.ofMillis(50), Duration.ofSeconds(60)).awaitEnd(spec.name());

        assertThat(done.state()).isEqualTo(dev.drydock.core.model.JobState.COMPLETED);
        Path model = local.artifactStore().extractModel(done, tmp.resolve("model"));
        assertThat(java.nio.file.Files.readString(model.resolve("model.txt"))).contains("job=end-to-end", "channel.train=a.csv");
        assertThat(local.storage().exists(spec.outputArtifactUri())).isTrue();
    }

    private LocalBackend.Builder builder() {
        return LocalBackend.builder().jobRoot(tmp.resolve("jobs")).gracePeriod(Duration.ofSeconds(5))
                .trainerCommand(TestTrainers.scriptedContainerCommand())
                .storage(storage).artifactStore(artifacts).imageRegistry(registry);
    }
}
