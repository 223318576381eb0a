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
