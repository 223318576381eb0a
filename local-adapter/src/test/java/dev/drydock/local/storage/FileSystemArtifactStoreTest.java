package dev.drydock.local.storage;

import dev.drydock.archive.ExtractionLimits;
import dev.drydock.archive.TarGz;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.ArtifactStore;
import dev.drydock.testkit.ArtifactStoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FileSystemArtifactStoreTest extends ArtifactStoreContractTest {
    private static final long LIMIT = 1024 * 1024;

    private final Path rootFolder = createRoot();
    private final FileSystemArtifactStore store = new FileSystemArtifactStore(
            FileSystemStorage.builder().allowedRoot(rootFolder).build(),
            TarGz.builder().limits(ExtractionLimits.defaults().withMaxTotalBytes(LIMIT)).build());

    @Override
    protected ArtifactStore artifactStore() {
        return store;
    }

    @Override
    protected StorageUri root() {
        return StorageUri.of(rootFolder);
    }

    @Override
    protected void putRaw(StorageUri uri, byte[] bytes) {
        try {
            Files.createDirectories(uri.toPath().getParent());
            Files.write(uri.toPath(), bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected long extractionLimitBytes() {
        return LIMIT;
    }

    @AfterAll
    void deleteRoot() throws IOException {
        try (var s = Files.walk(rootFolder)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void publish_whenJobSucceeded_writesModelAndOutputWhereSageMakerDoes(@TempDir Path tmp) throws IOException {
        Path model = Files.createDirectories(tmp.resolve("opt/ml/model"));
        Files.writeString(model.resolve("xgboost-model"), "trees");
        Path data = Files.createDirectories(tmp.resolve("opt/ml/output/data"));
        Files.writeString(data.resolve("metrics.json"), "{}");
        TrainingJobSpec spec = TrainingJobSpec.builder().name("house-prices-1").image("drydock/trainer:latest")
                .channel("train", StorageUri.of(tmp).resolve("data/")).outputPath(base).build();

        StorageUri published = store.publish(spec, model, data);

        assertThat(published).isEqualTo(base.resolve("house-prices-1/output/model.tar.gz"));
        assertThat(store.exists(base.resolve("house-prices-1/output/output.tar.gz"))).isTrue();
        assertThat(store.extract(published, tmp.resolve("back")).resolve("xgboost-model")).hasContent("trees");
        try (var s = Files.list(base.toPath().resolve("house-prices-1/output"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("model.tar.gz", "output.tar.gz");
        }
    }

    @Test
    void publish_whenOutputDataEmpty_writesOnlyTheModel(@TempDir Path tmp) throws IOException {
        Path model = Files.createDirectories(tmp.resolve("model"));
        Path data = Files.createDirectories(tmp.resolve("data"));
        TrainingJobSpec spec = TrainingJobSpec.builder().name("job-2").image("drydock/trainer:latest")
                .channel("train", StorageUri.of(tmp).resolve("in/")).outputPath(base).build();

        store.publish(spec, model, data);

        assertThat(store.exists(base.resolve("job-2/output/model.tar.gz"))).isTrue();
        assertThat(store.exists(base.resolve("job-2/output/output.tar.gz"))).isFalse();
    }

    private static Path createRoot() {
        try {
            return Files.createTempDirectory("drydock-fs-artifacts-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
