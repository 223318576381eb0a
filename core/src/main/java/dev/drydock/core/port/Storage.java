package dev.drydock.core.port;

import dev.drydock.core.model.StorageObject;
import dev.drydock.core.model.StorageUri;

import java.nio.file.Path;
import java.util.List;

/**
 * Datasets in storage: puts local files and folders at storage URIs, gets them back, lists and checks them.
 *
 * <p>Contract, for every adapter (see the testkit's {@code StorageContractTest}):
 * <ul>
 *   <li>{@link #put} of a file to a URI that does not end in '/' stores one object at that URI; to a prefix (ending
 *       in '/') stores it under the prefix by its file name. {@code put} of a folder stores every file below it
 *       under the target as a prefix, keeping relative paths. Writes replace existing objects and are atomic per
 *       object: a reader sees the old or the new content, never a part.</li>
 *   <li>{@link #get} of an object writes one file; of a prefix writes every object below it into a folder. A source
 *       with no object throws {@link dev.drydock.core.error.StorageObjectNotFoundException}; a partly written
 *       target is removed.</li>
 *   <li>{@link #list} returns the objects below a prefix (recursively) sorted by URI; an empty list when none.</li>
 *   <li>A URI of a scheme the adapter does not serve throws {@link dev.drydock.core.error.InvalidInputException}
 *       naming the schemes it does serve; missing local sources throw
 *       {@link dev.drydock.core.error.StorageObjectNotFoundException}.</li>
 *   <li>Every method is safe to repeat (idempotent).</li>
 * </ul>
 */
public interface Storage {

    /** Whether this storage serves {@code uri}'s scheme (and, where configured, its location). */
    boolean supports(StorageUri uri);

    /**
     * Stores the file or folder {@code source} at {@code target}.
     *
     * @return the URI of the stored object (a file) or prefix (a folder)
     */
    StorageUri put(Path source, StorageUri target);

    /**
     * Writes the object or prefix {@code source} to {@code target} (a file, or a folder for a prefix).
     *
     * @return {@code target}
     */
    Path get(StorageUri source, Path target);

    /** The objects below {@code prefix}, recursively, sorted by URI. */
    List<StorageObject> list(StorageUri prefix);

    /** Whether an object exists at {@code uri}, or any object below it when it is a prefix. */
    boolean exists(StorageUri uri);
}
