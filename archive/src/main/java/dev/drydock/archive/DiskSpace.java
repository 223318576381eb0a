package dev.drydock.archive;

import java.nio.file.FileSystemException;

/**
 * Tells a full disk from other I/O failures, so that every message about a failed write says "the disk is full"
 * when that is the cause, rather than the JDK's bare "No space left on device" after a path, or a guess such as
 * "the archive may be corrupt".
 */
public final class DiskSpace {
    private static final String[] FULL = {"No space left on device", "Disk quota exceeded", "There is not enough space"};

    private DiskSpace() {
    }

    /** Whether {@code e} (or one of its causes) is the file system reporting that it is full or over quota. */
    public static boolean isFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = t instanceof FileSystemException f && f.getReason() != null ? f.getReason() : t.getMessage();
            if (text != null) {
                for (String full : FULL) {
                    if (text.contains(full)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * What went wrong in words: for a full disk, {@code "the disk is full (No space left on device): free space on it
     * or choose another location"}; otherwise the exception's own reason.
     */
    public static String reason(Throwable e) {
        if (isFull(e)) {
            return "the disk is full (" + rawReason(e) + "): free space on it or choose another location";
        }
        return rawReason(e);
    }

    private static String rawReason(Throwable e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
