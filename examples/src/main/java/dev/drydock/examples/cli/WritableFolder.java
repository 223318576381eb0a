package dev.drydock.examples.cli;

import dev.drydock.core.error.Violations;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks, without creating anything, that a folder the command will write into can be written. */
final class WritableFolder {
    private WritableFolder() {
    }

    /** Adds to {@code v} what stops {@code folder} (named {@code option}) from being written, if anything. */
    static void check(String option, Path folder, Violations v) {
        Path existing = folder.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            v.add(option, folder.toString(), "has no existing folder above it: give a path on a mounted file system");
        } else if (!Files.isDirectory(existing)) {
            v.add(option, folder.toString(), existing.equals(folder.toAbsolutePath().normalize())
                    ? "is a file, not a folder: give a folder" : "is below " + existing + ", which is a file: give a folder");
        } else if (!Files.isWritable(existing)) {
            v.add(option, folder.toString(), (existing.equals(folder.toAbsolutePath().normalize()) ? "is" : "would be made in "
                    + existing + ", which is") + " not writable: give a folder you can write, or fix its permissions");
        }
    }
}
