package dev.drydock.examples.embedding;

import dev.drydock.core.BackendSettings;

import java.nio.file.Path;
import java.util.Properties;

/**
 * An application's own configuration, as it might come from a properties file: the {@code drydock.*} keys are the
 * backend's settings ({@code drydock.backend=docker}, {@code drydock.home=...}, {@code drydock.bucket=...}), the
 * {@code app.*} keys the application's. Only configuration decides where jobs run; no code changes.
 *
 * @param drydock  the backend settings, {@code backend} among them ({@code process} when absent)
 * @param home     local folder for jobs, storage and models
 * @param trainCsv the training data
 */
public record AppConfig(BackendSettings drydock, Path home, Path trainCsv) {

    /** Reads the {@code drydock.*} keys as backend settings and {@code app.train-csv}. */
    public static AppConfig from(Properties p) {
        Path home = Path.of(p.getProperty("drydock.home", "drydock-out/embedding")).toAbsolutePath();
        BackendSettings settings = BackendSettings.empty().with("home", home.toString(), "drydock.home");
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("drydock.") && !key.equals("drydock.home")) {
                settings = settings.with(key.substring("drydock.".length()), p.getProperty(key), key);
            }
        }
        return new AppConfig(settings, home,
                Path.of(p.getProperty("app.train-csv", "drydock-out/data/train.csv")).toAbsolutePath());
    }
}
