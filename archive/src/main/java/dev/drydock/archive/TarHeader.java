package dev.drydock.archive;

/**
 * One tar entry as read from an archive, after PAX and GNU long-name headers were applied.
 *
 * @param name     the entry's name as stored (not yet checked)
 * @param type     the ustar type flag ('0' file, '1' hard link, '2' symlink, '5' folder, ...)
 * @param mode     the permission bits
 * @param size     the content bytes that follow the header
 * @param mtime    seconds since the epoch
 * @param linkName the link target for '1' and '2'
 */
record TarHeader(String name, char type, int mode, long size, long mtime, String linkName) {
    static final char FILE = '0';
    static final char HARD_LINK = '1';
    static final char SYMLINK = '2';
    static final char CHARACTER_DEVICE = '3';
    static final char BLOCK_DEVICE = '4';
    static final char DIRECTORY = '5';
    static final char FIFO = '6';
    static final char CONTIGUOUS = '7';
    static final char PAX = 'x';
    static final char PAX_GLOBAL = 'g';
    static final char GNU_LONG_NAME = 'L';
    static final char GNU_LONG_LINK = 'K';

    /** A human name for the type, for messages. */
    String typeName() {
        return switch (type) {
            case FILE, CONTIGUOUS, '\0' -> "regular file";
            case HARD_LINK -> "hard link";
            case SYMLINK -> "symbolic link";
            case CHARACTER_DEVICE -> "character device";
            case BLOCK_DEVICE -> "block device";
            case DIRECTORY -> "folder";
            case FIFO -> "FIFO";
            case 'S' -> "GNU sparse file";
            case 'M' -> "GNU multi-volume continuation";
            default -> "entry of type '" + type + "'";
        };
    }
}
