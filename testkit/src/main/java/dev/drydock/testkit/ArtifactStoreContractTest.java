package dev.drydock.testkit;

import dev.drydock.core.error.StorageObjectNotFoundException;
import dev.drydock.core.error.UnsafeArchiveException;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.ArtifactStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link ArtifactStore} contract: safe extraction (nothing of an unsafe archive is left behind), missing archives,
 * idempotent extraction. Archives are placed with {@link #putRaw} as raw bytes built by {@link TarGzFixtures}, so
 * that hostile entries reach the store exactly as an attacker would write them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ArtifactStoreContractTest {

    /** A fresh prefix below {@link #root()} for the current test. */
    protected StorageUri base;

    /** The store under test. */
    protected abstract ArtifactStore artifactStore();

    /** A prefix the store reads from and the test may write below; each test uses a fresh sub-prefix. */
    protected abstract StorageUri root();

    /** Places {@code bytes} as the object at {@code uri}, bypassing the store (for example with the adapter's storage). */
    protected abstract void putRaw(StorageUri uri, byte[] bytes);

    /**
     * The most bytes the store under test extracts from one archive, as it was configured for this test. Configure
     * a small limit (for example 1 MiB) so that the test can exceed it cheaply.
     */
    protected abstract long extractionLimitBytes();

    @BeforeEach
    void freshPrefix() {
        base = root().asPrefix().resolve("t-" + UUID.randomUUID().toString().substring(0, 8) + "/");
    }

    @Test
    void extract_whenArchiveIsPlain_writesFilesAndFoldersCreatingTarget(@TempDir Path tmp) throws IOException {
        StorageUri archive = place("model.tar.gz", TarGzFixtures.archive().directory("sub/")
                .file("model.json", "{\"trees\":3}").file("sub/vocab.txt", "a\nb\n"));
        Path target = tmp.resolve("not/yet/there");

        Path out = artifactStore().extract(archive, target);

        assertThat(out).isEqualTo(target);
        assertThat(Files.readString(target.resolve("model.json"))).isEqualTo("{\"trees\":3}");
        assertThat(Files.readString(target.resolve("sub/vocab.txt"))).isEqualTo("a\nb\n");
    }

    @Test
    void extract_whenDoneTwice_givesTheSameFiles(@TempDir Path tmp) throws IOException {
        StorageUri archive = place("model.tar.gz", TarGzFixtures.archive().file("a.txt", "A").file("d/b.txt", "B"));
        Path target = tmp.resolve("out");

        artifactStore().extract(archive, target);
        artifactStore().extract(archive, target);

        assertThat(filesBelow(target)).containsExactlyInAnyOrder("a.txt", "d/b.txt");
        assertThat(Files.readString(target.resolve("d/b.txt"))).isEqualTo("B");
    }

    @Test
    void extract_whenEntryClimbsOutWithDotDot_throwsUnsafeAndLeavesNothing(@TempDir Path tmp) {
        assertUnsafe(tmp, TarGzFixtures.archive().file("ok.txt", "fine").file("../evil.txt", "pwned"));
        assertThat(tmp.resolve("evil.txt")).doesNotExist();
    }

    @Test
    void extract_whenEntryClimbsOutInTheMiddle_throwsUnsafeAndLeavesNothing(@TempDir Path tmp) {
        assertUnsafe(tmp, TarGzFixtures.archive().file("ok.txt", "fine").file("sub/../../evil.txt", "pwned"));
        assertThat(tmp.resolve("evil.txt")).doesNotExist();
    }

    @Test
    void extract_whenEntryPathIsAbsolute_throwsUnsafeAndLeavesNothing(@TempDir Path tmp) {
        Path outside = tmp.resolve("abs-evil.txt");
        assertUnsafe(tmp, TarGzFixtures.archive().file("ok.txt", "fine").file(outside.toString(), "pwned"));
        assertThat(outside).doesNotExist();
    }

    @Test
    void extract_whenSymlinkEscapesAndFileWrittenThroughIt_throwsUnsafeAndLeavesNothing(@TempDir Path tmp) throws IOException {
        Path victim = Files.createDirectories(tmp.resolve("victim"));
        assertUnsafe(tmp, TarGzFixtures.archive().file("ok.txt", "fine")
                .symlink("link", victim.toString()).file("link/evil.txt", "pwned"));
        assertThat(victim.resolve("evil.txt")).doesNotExist();
    }

    @Test
    void extract_whenSymlinkPointsAtSystemFile_throwsUnsafeAndLeavesNothing(@TempDir Path tmp) {
        assertUnsafe(tmp, TarGzFixtures.archive().file("ok.txt", "fine").symlink("passwd", "/etc/passwd"));
    }

    @Test
    void extract_whenRelativeSymlinkClimbsOut_throwsUnsafeAndLeavesNothing(@TempDir Path tmp) {
        assertUnsafe(tmp, TarGzFixtures.archive().file("ok.txt", "fine").symlink("up", "../../.."));
    }

    @Test
    void extract_whenHardLink_throwsUnsafeAndLeavesNothing(@TempDir Path tmp) {
        assertUnsafe(tmp, TarGzFixtures.archive().file("ok.txt", "fine").hardLink("passwd", "/etc/passwd"));
    }

    @Test
    void extract_whenLargerThanLimit_throwsUnsafeAndLeavesNothing(@TempDir Path tmp) {
        long limit = extractionLimitBytes();
        assertThat(limit).as("configure a small extraction limit for the contract test").isLessThan(64L << 20);
        assertUnsafe(tmp, TarGzFixtures.archive().file("ok.txt", "fine").zeros("big.bin", (int) limit + 1));
    }

    @Test
    void extract_whenArchiveMissing_throwsStorageObjectNotFound(@TempDir Path tmp) {
        assertThatThrownBy(() -> artifactStore().extract(base.resolve("missing/model.tar.gz"), tmp.resolve("out")))
                .isInstanceOf(StorageObjectNotFoundException.class);
        assertThat(artifactStore().exists(base.resolve("missing/model.tar.gz"))).isFalse();
    }

    @Test
    void download_whenArchiveExists_writesItsBytesUnchanged(@TempDir Path tmp) throws IOException {
        byte[] bytes = TarGzFixtures.archive().file("a.txt", "A").toBytes();
        putRaw(base.resolve("model.tar.gz"), bytes);

        Path file = artifactStore().download(base.resolve("model.tar.gz"), tmp.resolve("copy.tar.gz"));

        assertThat(file).hasBinaryContent(bytes);
        assertThat(artifactStore().exists(base.resolve("model.tar.gz"))).isTrue();
    }

    @Test
    void extractModel_whenJobCompleted_extractsItsModelAndOutput(@TempDir Path tmp) throws IOException {
        StorageUri model = place("job-1/output/model.tar.gz", TarGzFixtures.archive().file("model.json", "{}"));
        place("job-1/output/output.tar.gz", TarGzFixtures.archive().file("report.txt", "ok"));
        JobDescription job = JobDescription.builder(JobName.of("job-1")).state(JobState.COMPLETED).modelArtifact(model).build();

        artifactStore().extractModel(job, tmp.resolve("model"));

        assertThat(tmp.resolve("model/model.json")).exists();
        assertThat(artifactStore().extractOutput(job, tmp.resolve("output"))).contains(tmp.resolve("output"));
        assertThat(tmp.resolve("output/report.txt")).hasContent("ok");
    }

    @Test
    void extractModel_whenJobHasNoModel_throwsStorageObjectNotFound(@TempDir Path tmp) {
        JobDescription failed = JobDescription.builder(JobName.of("job-2")).state(JobState.FAILED).build();

        assertThatThrownBy(() -> artifactStore().extractModel(failed, tmp.resolve("model")))
                .isInstanceOf(StorageObjectNotFoundException.class);
        assertThat(artifactStore().extractOutput(failed, tmp.resolve("output"))).isEmpty();
    }

    private StorageUri place(String key, TarGzFixtures archive) {
        StorageUri uri = base.resolve(key);
        putRaw(uri, archive.toBytes());
        return uri;
    }

    private void assertUnsafe(Path tmp, TarGzFixtures archive) {
        StorageUri uri = place("hostile-" + UUID.randomUUID().toString().substring(0, 6) + ".tar.gz", archive);
        Path fresh = tmp.resolve("fresh-target");
        Path existing = tmp.resolve("existing-target");
        try {
            Files.createDirectories(existing);
        } catch (IOException e) {
            throw new AssertionError(e);
        }

        assertThatThrownBy(() -> artifactStore().extract(uri, fresh)).isInstanceOf(UnsafeArchiveException.class);
        assertThatThrownBy(() -> artifactStore().extract(uri, existing)).isInstanceOf(UnsafeArchiveException.class);

        assertThat(!Files.exists(fresh) || filesBelow(fresh).isEmpty()).as("nothing left in a fresh target").isTrue();
        assertThat(filesBelow(existing)).as("nothing left in an existing target").isEmpty();
    }

    private static java.util.List<String> filesBelow(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> !p.equals(folder)).filter(p -> !Files.isDirectory(p) || Files.isSymbolicLink(p))
                    .map(p -> folder.relativize(p).toString().replace('\\', '/')).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
