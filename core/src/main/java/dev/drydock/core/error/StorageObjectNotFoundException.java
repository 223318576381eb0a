package dev.drydock.core.error;

/** No object, file or folder exists at a storage URI. */
public class StorageObjectNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    private final String uri;

    /** The error for {@code uri}; {@code hint} says how to fix it. */
    public StorageObjectNotFoundException(String uri, String hint) {
        this(uri, hint, null);
    }

    /** The error for {@code uri}, translating the vendor exception {@code cause}. */
    public StorageObjectNotFoundException(String uri, String hint, Throwable cause) {
        super("nothing exists at " + uri + ": " + hint, cause);
        this.uri = uri;
    }

    /** The URI that was looked up. */
    public String uri() {
        return uri;
    }
}
