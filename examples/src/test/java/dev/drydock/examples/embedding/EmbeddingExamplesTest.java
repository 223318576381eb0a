package dev.drydock.examples.embedding;

import dev.drydock.core.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Both embedding examples run for real on the local backend, as CI runs them. */
class EmbeddingExamplesTest {
    @TempDir
    Path home;

    private AppConfig config() {
        Properties p = new Properties();
        p.setProperty("drydock.backend", "process");
        p.setProperty("drydock.home", home.toString());
        p.setProperty("app.train-csv", home.resolve("absent.csv").toString());
        return AppConfig.from(p);
    }

    @Test
    void guiceExample_whenLocalBackend_trainsAndLoadsTheModel() throws Exception {
        TrainedModel model = GuiceEmbeddingExample.run(config());

        assertThat(model.modelDirectory().resolve("metrics.json")).exists();
        assertThat(model.description().finalMetrics()).containsKey("cv_rmsle");
    }

    @Test
    void plainExample_whenLocalBackend_trainsWithoutGuice() throws Exception {
        TrainedModel model = PlainEmbeddingExample.run(config());

        assertThat(model.modelDirectory()).startsWith(home);
        assertThat(model.modelDirectory().resolve("metrics.json")).exists();
    }
}
