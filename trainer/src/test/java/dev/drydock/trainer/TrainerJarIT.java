package dev.drydock.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drydock.trainer.output.ModelFiles;
import dev.drydock.trainer.testing.MlTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the fat jar as the local child-process backend does: {@code java -jar ... train} with DRYDOCK_ML_ROOT. */
class TrainerJarIT {
    static final Path JAR = Path.of("target/drydock-trainer.jar");

    @TempDir
    Path root;

    private Process start(MlTree tree) throws IOException {
        assumeTrue(Files.isRegularFile(JAR), "the trainer jar " + JAR.toAbsolutePath() + " is missing: run the package phase");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-jar", JAR.toString(), "train").redirectErrorStream(true);
        pb.environment().put(dev.drydock.contract.OptMl.ROOT_ENV, tree.root().toString());
        pb.environment().put("TRAINING_JOB_NAME", "jar-it");
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        return pb.start();
    }

    @Test
    void train_whenHouseTree_exitsZeroAndWritesModel() throws Exception {
        MlTree tree = MlTree.at(root).hyperparameters(Map.of("max_trials", "3", "folds", "3", "n_estimators", "60"))
                .copy("training", MlTree.HOUSE_TRAIN);

        Process p = start(tree);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(output).isZero();
        assertThat(output).containsPattern("(?m)^cv_rmsle=0\\.\\d+$").containsPattern("(?m)^holdout_rmsle=0\\.\\d+$");
        assertThat(root.resolve("model/" + ModelFiles.MODEL)).exists();
        assertThat(Files.readString(root.resolve("model/" + ModelFiles.PROVENANCE))).contains("\"jobName\" : \"jar-it\"");

        // The same jar predicts: XGBoost4J's Java API loads and runs without the Scala libraries the jar leaves out.
        Path submission = root.resolve("submission.csv");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process predict = new ProcessBuilder(java.toString(), "-jar", JAR.toString(), "predict",
                root.resolve("model").toString(), MlTree.HOUSE_TEST.toString(), submission.toString())
                .redirectErrorStream(true).start();
        String predicted = new String(predict.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(predict.waitFor()).as(predicted).isZero();
        assertThat(Files.readAllLines(submission)).hasSize(1460).first().isEqualTo("Id,SalePrice");
    }

    @Test
    void train_whenJavaHeapHyperparameter_runsItselfWithThatHeap() throws Exception {
        MlTree tree = MlTree.at(root).hyperparameters(Map.of("max_trials", "2", "folds", "2", "n_estimators", "20",
                "java_heap", "200m")).copy("training", MlTree.HOUSE_TRAIN);

        Process p = start(tree);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(output).isZero();
        // -Xmx200m: the JVM reports a little less than 200 MiB (a survivor space is not counted)
        assertThat(output).containsPattern("jvm: max heap 1[6-9]\\d MiB|jvm: max heap 200 MiB");
    }

    @Test
    void train_whenChannelMissing_exitsOneWithFailureFile() throws Exception {
        MlTree tree = MlTree.at(root);

        Process p = start(tree);
        p.getInputStream().readAllBytes();

        assertThat(p.waitFor()).isEqualTo(1);
        assertThat(tree.failure()).startsWith("channel \"training\" is missing");
    }

    @Test
    void train_whenSigtermDuringTuning_savesBestSoFarAndExits() throws Exception {
        // This grid runs for a minute or more; SIGTERM after the first trials must end it within seconds, with a model.
        MlTree tree = MlTree.at(root).hyperparameters(Map.of("strategy", "grid", "n_estimators", "100,200")).copy("training", MlTree.HOUSE_TRAIN);
        Process p = start(tree);
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                output.append(line).append('\n');
                if (line.startsWith("progress trial=2/")) {
                    p.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of the pipe
                }
            }
        }

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(output.toString()).isTrue();
        assertThat(output).contains("stop requested (SIGTERM)");
        assertThat(root.resolve("model/" + ModelFiles.MODEL)).as(output.toString()).exists();
        assertThat(Files.readString(root.resolve("model/" + ModelFiles.METRICS))).contains("\"stopped\" : true");
    }
}
