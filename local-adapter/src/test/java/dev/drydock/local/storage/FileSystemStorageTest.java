package dev.drydock.local.storage;

import dev.drydock.core.error.AccessDeniedException;
import dev.drydock.core.model.StorageObject;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.Storage;
import dev.drydock.testkit.StorageContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSystemStorageTest extends StorageContractTest {
    private final Path rootFolder = createRoot();
    private final FileSystemStorage storage = FileSystemStorage.builder().allowedRoot(rootFolder).build();

    @Override
    protected Storage storage() {
        return storage;
    }

    @Override
    protected StorageUri root() {
        return StorageUri.of(rootFolder);
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
    void list_whenPut_reportsTheContentSha256(@TempDir Path tmp) throws Exception {
        Path file = write(tmp.resolve("data.csv"), "a,b\n1,2\n");
        storage.put(file, base.resolve("data.csv"));

        StorageObject listed = storage.list(base).get(0);

        assertThat(listed.sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
    }

    @Test
    void list_whenFileChangedBehindTheStorage_reportsTheNewSha256(@TempDir Path tmp) throws Exception {
        StorageUri uri = storage.put(write(tmp.resolve("a.txt"), "old"), base.resolve("a.txt"));
        Path stored = uri.toPath();
        Files.writeString(stored, "new content");
        Files.setLastModifiedTime(stored, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));

        assertThat(storage.list(uri).get(0).sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest("new content".getBytes())));
    }

    @Test
    void put_whenTargetOutsideAllowedRoots_namesTheRootsAndTheFix(@TempDir Path tmp) throws IOException {
        Path file = write(tmp.resolve("f.txt"), "x");
        StorageUri outside = StorageUri.of(tmp).resolve("elsewhere/f.txt");

        assertThatThrownBy(() -> storage.put(file, outside))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining(rootFolder.toString())
                .hasMessageContaining("allowedRoot");
        assertThat(storage.supports(outside)).isFalse();
    }

    @Test
    void put_whenInterrupted_leavesNoPartialFilesVisible(@TempDir Path tmp) throws IOException {
        storage.put(write(tmp.resolve("a.txt"), "A"), base.resolve("a.txt"));
        Files.writeString(base.toPath().resolve(".a.txt.drydock-123.partial"), "half");

        assertThat(storage.list(base)).extracting(StorageObject::uri).containsExactly(base.resolve("a.txt"));
    }

    private static Path createRoot() {
        try {
            return Files.createTempDirectory("drydock-fs-storage-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
