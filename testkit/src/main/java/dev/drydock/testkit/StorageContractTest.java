package dev.drydock.testkit;

import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.StorageObjectNotFoundException;
import dev.drydock.core.model.StorageObject;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link Storage} contract, as its Javadoc states it. Every adapter's test extends this class and supplies the
 * storage under test and a location it may write to; each test works below its own fresh prefix of that location.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StorageContractTest {

    /** The location under test for this test: a fresh prefix below {@link #root()}. */
    protected StorageUri base;

    /** The storage under test. */
    protected abstract Storage storage();

    /** A prefix (ending in '/') this storage serves and the test may write below; each test uses a fresh sub-prefix. */
    protected abstract StorageUri root();

    /** A URI of a scheme this storage does not serve; by default the other of {@code s3} and {@code file}. */
    protected StorageUri unsupportedUri() {
        return root().isS3() ? StorageUri.parse("file:///tmp/drydock-contract/unsupported.txt")
                : StorageUri.parse("s3://drydock-contract-unsupported/unsupported.txt");
    }

    @BeforeEach
    void freshPrefix() {
        base = root().asPrefix().resolve("t-" + UUID.randomUUID().toString().substring(0, 8) + "/");
    }

    @Test
    void supports_whenRootUri_true() {
        assertThat(storage().supports(base)).isTrue();
        assertThat(storage().supports(unsupportedUri())).isFalse();
    }

    @Test
    void put_whenFileToObjectUri_storesOneObjectAtThatUri(@TempDir Path tmp) throws IOException {
        Path file = write(tmp.resolve("data.csv"), "a,b\n1,2\n");
        StorageUri target = base.resolve("renamed.csv");

        StorageUri stored = storage().put(file, target);

        assertThat(stored).isEqualTo(target);
        assertThat(storage().list(base)).extracting(StorageObject::uri).containsExactly(target);
        assertThat(storage().list(base).get(0).size()).isEqualTo(8);
        assertThat(read(storage().get(target, tmp.resolve("back.csv")))).isEqualTo("a,b\n1,2\n");
    }

    @Test
    void put_whenFileToPrefix_storesUnderPrefixByFileName(@TempDir Path tmp) throws IOException {
        Path file = write(tmp.resolve("data.csv"), "x");

        StorageUri stored = storage().put(file, base.resolve("train/"));

        assertThat(stored).isEqualTo(base.resolve("train/data.csv"));
        assertThat(storage().exists(base.resolve("train/data.csv"))).isTrue();
    }

    @Test
    void put_whenFolder_storesEveryFileKeepingRelativePaths(@TempDir Path tmp) throws IOException {
        Path folder = tmp.resolve("in");
        write(folder.resolve("a.txt"), "A");
        write(folder.resolve("sub/b.txt"), "B");
        write(folder.resolve("sub/deeper/c.txt"), "C");

        StorageUri stored = storage().put(folder, base.resolve("data"));

        assertThat(stored).isEqualTo(base.resolve("data/"));
        assertThat(storage().list(base)).extracting(StorageObject::uri).containsExactly(
                base.resolve("data/a.txt"), base.resolve("data/sub/b.txt"), base.resolve("data/sub/deeper/c.txt"));
    }

    @Test
    void get_whenPrefix_writesEveryObjectIntoFolder(@TempDir Path tmp) throws IOException {
        Path folder = tmp.resolve("in");
        write(folder.resolve("a.txt"), "A");
        write(folder.resolve("sub/b.txt"), "B");
        storage().put(folder, base.resolve("data/"));

        Path out = storage().get(base.resolve("data/"), tmp.resolve("out"));

        assertThat(out).isEqualTo(tmp.resolve("out"));
        assertThat(read(out.resolve("a.txt"))).isEqualTo("A");
        assertThat(read(out.resolve("sub/b.txt"))).isEqualTo("B");
    }

    @Test
    void put_whenObjectExists_replacesIt(@TempDir Path tmp) throws IOException {
        StorageUri target = base.resolve("model.bin");
        storage().put(write(tmp.resolve("v1"), "first version, longer"), target);

        storage().put(write(tmp.resolve("v2"), "second"), target);

        assertThat(read(storage().get(target, tmp.resolve("back")))).isEqualTo("second");
        assertThat(storage().list(base)).singleElement().extracting(StorageObject::size).isEqualTo(6L);
    }

    @Test
    void list_whenSeveralObjects_returnsAllRecursivelySortedByUri(@TempDir Path tmp) throws IOException {
        Path file = write(tmp.resolve("f"), "1");
        for (String key : List.of("b/2.txt", "a/z/9.txt", "c.txt", "a/1.txt")) {
            storage().put(file, base.resolve(key));
        }

        List<StorageObject> listed = storage().list(base);

        assertThat(listed).extracting(o -> o.uri().toString()).isSorted().hasSize(4);
        assertThat(listed).extracting(StorageObject::uri).containsExactly(base.resolve("a/1.txt"),
                base.resolve("a/z/9.txt"), base.resolve("b/2.txt"), base.resolve("c.txt"));
        assertThat(listed).allSatisfy(o -> assertThat(o.lastModified()).isNotNull());
    }

    @Test
    void list_whenSiblingPrefixSharesLeadingCharacters_excludesIt(@TempDir Path tmp) throws IOException {
        Path file = write(tmp.resolve("f"), "1");
        storage().put(file, base.resolve("data/x.txt"));
        storage().put(file, base.resolve("data-other/y.txt"));

        assertThat(storage().list(base.resolve("data/"))).extracting(StorageObject::uri)
                .containsExactly(base.resolve("data/x.txt"));
    }

    @Test
    void list_whenNothingBelowPrefix_returnsEmptyList() {
        assertThat(storage().list(base.resolve("nothing/"))).isEmpty();
    }

    @Test
    void exists_whenObjectOrPrefixHasObjects_trueElseFalse(@TempDir Path tmp) throws IOException {
        storage().put(write(tmp.resolve("f"), "1"), base.resolve("dir/file.txt"));

        assertThat(storage().exists(base.resolve("dir/file.txt"))).isTrue();
        assertThat(storage().exists(base.resolve("dir/"))).isTrue();
        assertThat(storage().exists(base.resolve("dir/other.txt"))).isFalse();
        assertThat(storage().exists(base.resolve("empty/"))).isFalse();
    }

    @Test
    void get_whenSourceMissing_throwsStorageObjectNotFoundAndWritesNothing(@TempDir Path tmp) {
        Path target = tmp.resolve("never");

        assertThatThrownBy(() -> storage().get(base.resolve("missing.txt"), target))
                .isInstanceOf(StorageObjectNotFoundException.class);
        assertThatThrownBy(() -> storage().get(base.resolve("missing/"), target))
                .isInstanceOf(StorageObjectNotFoundException.class);
        assertThat(target).doesNotExist();
    }

    @Test
    void put_whenLocalSourceMissing_throwsStorageObjectNotFound(@TempDir Path tmp) {
        assertThatThrownBy(() -> storage().put(tmp.resolve("no-such-file.csv"), base.resolve("x.csv")))
                .isInstanceOf(StorageObjectNotFoundException.class)
                .hasMessageContaining("no-such-file.csv");
        assertThat(storage().exists(base.resolve("x.csv"))).isFalse();
    }

    @Test
    void put_whenSchemeUnsupported_throwsInvalidInputNamingServedSchemes(@TempDir Path tmp) throws IOException {
        Path file = write(tmp.resolve("f"), "1");

        assertThatThrownBy(() -> storage().put(file, unsupportedUri()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(root().scheme());
        assertThatThrownBy(() -> storage().list(unsupportedUri())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> storage().get(unsupportedUri(), tmp.resolve("out")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void putAndGet_whenRepeated_giveTheSameResult(@TempDir Path tmp) throws IOException {
        Path folder = tmp.resolve("in");
        write(folder.resolve("a.txt"), "A");
        write(folder.resolve("sub/b.txt"), "B");

        StorageUri first = storage().put(folder, base.resolve("data/"));
        StorageUri second = storage().put(folder, base.resolve("data/"));
        storage().get(first, tmp.resolve("out"));
        storage().get(first, tmp.resolve("out"));

        assertThat(second).isEqualTo(first);
        assertThat(storage().list(base)).hasSize(2);
        try (var files = Files.walk(tmp.resolve("out"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(2);
        }
        assertThat(read(tmp.resolve("out/sub/b.txt"))).isEqualTo("B");
    }

    @Test
    void put_whenEmptyFile_storesEmptyObject(@TempDir Path tmp) throws IOException {
        StorageUri target = base.resolve("empty.txt");

        storage().put(write(tmp.resolve("empty.txt"), ""), target);

        assertThat(storage().list(base)).singleElement().extracting(StorageObject::size).isEqualTo(0L);
        assertThat(read(storage().get(target, tmp.resolve("back")))).isEmpty();
    }

    /** Writes {@code content} to {@code file}, creating its folders. */
    protected static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Reads {@code file} as UTF-8. */
    protected static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
