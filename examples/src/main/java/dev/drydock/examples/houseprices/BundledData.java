package dev.drydock.examples.houseprices;

import dev.drydock.core.error.StorageIoException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The Kaggle House Prices data shipped with drydock (see {@code house-prices/README.md} in the resources for the
 * attribution), copied out of the jar so that it can be uploaded like any user's data.
 */
public final class BundledData {
    private static final String[] FILES = {"train.csv", "test.csv", "data_description.txt", "README.md"};

    private BundledData() {
    }

    /**
     * Copies the data files into a new temporary folder and returns it; {@link #deleteTemporaryFolder} removes it.
     * The command line uses this so that nothing is written under the user's home before a job is accepted.
     */
    public static Path extractToTemporaryFolder() {
        try {
            return extractTo(Files.createTempDirectory("drydock-house-prices-"));
        } catch (IOException e) {
            throw new StorageIoException("could not make a temporary folder for the bundled data under "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage() + " (free space there, or pass --data)", e);
        }
    }

    /** Deletes a folder made by {@link #extractToTemporaryFolder()}; {@code null} is ignored. */
    public static void deleteTemporaryFolder(Path folder) {
        if (folder == null) {
            return;
        }
        for (String name : FILES) {
            try {
                Files.deleteIfExists(folder.resolve(name));
            } catch (IOException e) {
                // A leftover temporary file is harmless; the job's result matters more than this clean-up.
            }
        }
        try {
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // as above
        }
    }

    /** Copies the data files into {@code folder} (where absent) and returns the folder. */
    public static Path extractTo(Path folder) {
        try {
            Files.createDirectories(folder);
            for (String name : FILES) {
                Path target = folder.resolve(name);
                if (Files.exists(target)) {
                    continue;
                }
                try (InputStream in = BundledData.class.getResourceAsStream("/house-prices/" + name)) {
                    if (in == null) {
                        throw new StorageIoException("the bundled house-prices data is missing " + name
                                + " (a broken build?): rebuild with ./mvnw -B -DskipTests package, or pass --data");
                    }
                    Path temp = Files.createTempFile(folder, name, ".part");
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return folder;
        } catch (IOException e) {
            throw new StorageIoException("could not copy the bundled data into " + folder + ": " + e.getMessage(), e);
        }
    }
}
