package dev.drydock.aws;

import dev.drydock.core.model.StorageUri;

import java.net.URI;

/**
 * Run in its own JVM by {@link NoSecretInLogsIT}, with debug logging on from the start (slf4j-simple reads its level
 * once, so it cannot be turned on inside a test JVM that has already logged): an S3 call with known credentials fails
 * against a closed loopback port, and the failure and the backend are printed.
 */
public final class SecretLeakProbe {
    /** The secret access key the probe uses; it must appear in none of the output. */
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private SecretLeakProbe() {
    }

    /** Runs the failing call and prints what a user would see. */
    public static void main(String[] args) {
        try (AwsBackend aws = AwsBackend.builder().region("us-east-1").credentials("AKIAIOSFODNN7EXAMPLE", SECRET)
                .endpointOverride(AwsService.S3, URI.create("http://127.0.0.1:9"))
                .policies(ResiliencePolicies.defaults().withSdkMaxAttempts(1)).build()) {
            System.out.println("backend: " + aws);
            try {
                aws.storage().list(StorageUri.s3("drydock-nothing", "x/"));
                System.out.println("unexpected: the call succeeded");
            } catch (RuntimeException e) {
                System.out.println("error: " + e);
                e.printStackTrace(System.out);
            }
        }
    }
}
