package dev.drydock.core.error;

/** A container image that was named is not present where it was looked for. */
public class ImageNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    private final String image;

    /** The error for {@code image}; {@code message} says where it was looked for and how to get it there. */
    public ImageNotFoundException(String image, String message) {
        this(image, message, null);
    }

    /** The error for {@code image}, translating the vendor exception {@code cause}. */
    public ImageNotFoundException(String image, String message, Throwable cause) {
        super(message, cause);
        this.image = image;
    }

    /** The image reference that was looked up. */
    public String image() {
        return image;
    }
}
