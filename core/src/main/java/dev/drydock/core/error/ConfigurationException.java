package dev.drydock.core.error;

/** drydock's own configuration (credentials, region, paths, backend) is missing or wrong. */
public class ConfigurationException extends DrydockException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with its message. */
    public ConfigurationException(String message) {
        super(ErrorCode.CONFIGURATION, message);
    }

    /** Creates the error with its message and the vendor exception it translates. */
    public ConfigurationException(String message, Throwable cause) {
        super(ErrorCode.CONFIGURATION, message, cause);
    }
}
