package dev.drydock.core.error;

/** No object, file or folder exists at a storage URI. */
public class StorageObjectNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    private final String uri;

    /** The error for {@code uri}; {@code hint} says how to fix it. */
    public StorageObjectNotFoundException(String uri, String hint) {
        super("nothing exists at " + uri + ": " + hint);
        this.uri = uri;
    }

    /** The URI that was looked up. */
    public String uri() {
        return uri;
    }
}
