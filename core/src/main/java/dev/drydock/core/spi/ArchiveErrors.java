package dev.drydock.core.spi;

import dev.drydock.archive.ArchiveException;
import dev.drydock.archive.ArchiveNotFoundException;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.error.StorageObjectNotFoundException;
import dev.drydock.core.error.UnsafeArchiveException;

import java.util.function.Supplier;

/**
 * For an adapter that packs or extracts with {@link dev.drydock.archive.TarGz}: the archive module's errors as the
 * SDK's, so that an artifact store keeps its port's contract ({@link UnsafeArchiveException} for an unsafe entry,
 * {@link StorageObjectNotFoundException} for a missing file, {@link StorageIoException} otherwise). The archive
 * module stays JDK-only and free of the SDK, so that the trainer can use it without drydock-core.
 */
public final class ArchiveErrors {
    private ArchiveErrors() {
    }

    /**
     * @param action a pack or an extraction
     * @param <T> what it returns
     * @return what it returned
     * @throws UnsafeArchiveException, StorageObjectNotFoundException or StorageIoException for the archive's errors
     */
    public static <T> T translate(Supplier<T> action) {
        try {
            return action.get();
        } catch (dev.drydock.archive.UnsafeArchiveException e) {
            throw new UnsafeArchiveException(e.getMessage(), e);
        } catch (ArchiveNotFoundException e) {
            throw new StorageObjectNotFoundException(e.location(), e.hint(), e);
        } catch (ArchiveException e) {
            throw new StorageIoException(e.getMessage(), e);
        }
    }

    /**
     * @param action a pack or an extraction that returns nothing
     * @throws UnsafeArchiveException, StorageObjectNotFoundException or StorageIoException for the archive's errors
     */
    public static void run(Runnable action) {
        translate(() -> {
            action.run();
            return null;
        });
    }
}
