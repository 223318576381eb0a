package dev.drydock.aws;

import dev.drydock.core.error.ConfigurationException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A registry login decoded from an ECR authorization token ({@code base64("AWS:<password>")}).
 *
 * <p>{@link #toString()} never shows the password.
 *
 * @param username      the user name, {@code AWS} for ECR
 * @param password      the password (secret)
 * @param proxyEndpoint the registry's URL, such as {@code https://123456789012.dkr.ecr.eu-west-1.amazonaws.com}
 * @param expiresAt     when the token stops working
 */
public record EcrCredentials(String username, String password, String proxyEndpoint, Instant expiresAt) {

    /** Validates that every part is present. */
    public EcrCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(proxyEndpoint, "proxyEndpoint");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Decodes ECR's {@code authorizationToken} (base64 of {@code user:password}). */
    public static EcrCredentials decode(String authorizationToken, String proxyEndpoint, Instant expiresAt) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorizationToken), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | NullPointerException e) {
            // The message must not echo the token: it is a credential.
            throw new ConfigurationException("ECR returned an authorization token that is not base64 of user:password");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new ConfigurationException("ECR returned an authorization token that is not of the form user:password");
        }
        return new EcrCredentials(decoded.substring(0, colon), decoded.substring(colon + 1), proxyEndpoint,
                expiresAt == null ? Instant.now().plusSeconds(12 * 3600) : expiresAt);
    }

    /** The registry host (with port), as image references name it: {@code 123456789012.dkr.ecr.eu-west-1.amazonaws.com}. */
    public String registryHost() {
        String endpoint = proxyEndpoint.contains("://") ? proxyEndpoint : "https://" + proxyEndpoint;
        URI uri = URI.create(endpoint);
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** Whether the token is expired, or expires within {@code marginSeconds} of {@code now}. */
    public boolean expiresWithin(Instant now, long marginSeconds) {
        return !now.plusSeconds(marginSeconds).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "EcrCredentials[username=" + username + ", password=****, proxyEndpoint=" + proxyEndpoint
                + ", expiresAt=" + expiresAt + "]";
    }
}
