package dev.drydock.trainer.predict;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a user-facing file whole or not at all: into a temporary file in the same folder, then renamed over the
 * target (atomic on one file system), so that a full disk or a crash leaves the previous file as it was and no
 * partial file behind.
 */
final class SafeOutput {

    /** Writes the content of one file. */
    interface Content {
        void writeTo(Path file) throws IOException;
    }

    private SafeOutput() {
    }

    /** Whether {@code a} and {@code b} name the same file (also through links or {@code ..}). */
    static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall back to comparing the names
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /**
     * Writes {@code target} through {@code content}.
     *
     * @throws PredictionException saying what failed (a full disk in words), with the target unchanged
     */
    static void write(Path target, Content content) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw PredictionException.badInput("the output " + target + " is a folder: give a file name such as "
                    + absolute.resolve("submission.csv"), null);
        }
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
            content.writeTo(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            throw new PredictionException("cannot write " + target + ": " + (m.contains("No space left on device")
                    ? "the disk is full; free space and run again (" + (Files.exists(absolute)
                    ? "the previous file is unchanged" : "nothing was written") + ")"
                    : m + " (check that its folder is writable)"), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // the temporary file is hidden and named after the target; nothing else can be done here
                }
            }
        }
    }
}
