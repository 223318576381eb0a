package dev.drydock.archive;

/** The archive to extract, or the folder to pack, does not exist. */
public class ArchiveNotFoundException extends ArchiveException {
    private static final long serialVersionUID = 1L;

    private final String location;
    private final String hint;

    /**
     * @param location the missing path
     * @param hint what was expected there and how to fix it
     */
    public ArchiveNotFoundException(String location, String hint) {
        super(location + ": " + hint, null);
        this.location = location;
        this.hint = hint;
    }

    /** @return the missing path */
    public String location() {
        return location;
    }

    /** @return what was expected there and how to fix it */
    public String hint() {
        return hint;
    }
}
