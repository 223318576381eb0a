package dev.drydock.trainer.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where a model came from: the versions of drydock, XGBoost and Java, the seed, the hyperparameters and the
 * SHA-256 of every input file, so that a model can be traced to its data and reproduced.
 *
 * @param drydockVersion the trainer's version
 * @param xgboostVersion XGBoost4J's version
 * @param javaVersion the Java runtime's version and vendor
 * @param seed the seed
 * @param jobName the training job's name, or {@code null}
 * @param hyperparameters the job's hyperparameters as given
 * @param inputSha256 SHA-256 (hex) by input file path, relative to the data folder
 * @param createdAt when the model was written (UTC, ISO-8601)
 */
public record Provenance(String drydockVersion, String xgboostVersion, String javaVersion, long seed, String jobName,
        Map<String, String> hyperparameters, Map<String, String> inputSha256, String createdAt) {

    /**
     * @param seed the seed
     * @param jobName the job's name, or {@code null}
     * @param hyperparameters as given
     * @param dataDir the folder the input paths are relative to
     * @param inputs the input files
     * @return the provenance of a model trained now
     * @throws IOException when an input cannot be read
     */
    public static Provenance of(long seed, String jobName, Map<String, String> hyperparameters, Path dataDir,
            List<Path> inputs) throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (Path input : inputs) {
            sums.put(dataDir.relativize(input.toAbsolutePath().normalize()).toString().replace('\\', '/'), sha256(input));
        }
        return new Provenance(currentDrydockVersion(), currentXgboostVersion(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")", seed, jobName,
                java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(hyperparameters)), sums, Instant.now().toString());
    }

    /** @return the trainer jar's Implementation-Version, or {@code dev} when run from classes */
    public static String currentDrydockVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** @return XGBoost4J's version, from the properties file in its jar */
    public static String currentXgboostVersion() {
        try (InputStream in = ml.dmlc.xgboost4j.java.XGBoost.class.getResourceAsStream("/xgboost4j-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * @param file a file
     * @return its SHA-256, hex
     * @throws IOException when it cannot be read
     */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
