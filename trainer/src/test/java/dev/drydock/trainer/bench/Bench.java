package dev.drydock.trainer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the reference procedure (scikit-learn GridSearchCV over XGBRegressor) and drydock's trainer side by side on
 * this machine, on the same data and the same held-out houses, one after the other, and prints the wall-time
 * ratios and the hold-out RMSLEs. Not a test: run it with {@code trainer/bench/run-bench.sh}.
 *
 * <pre>
 * java -cp trainer/target/test-classes:trainer/target/drydock-trainer.jar dev.drydock.trainer.bench.Bench \
 *   --reference PATH/reference_gridsearch.py --train PATH/train.csv [--sample 12] [--grid-sample 24]
 *   [--python /usr/bin/python3] [--jar trainer/target/drydock-trainer.jar] [--work DIR]
 * </pre>
 *
 * <p>The reference's full grid (810 configurations x 5 folds) takes over two hours here, so it runs
 * {@code --sample N} configurations and its time is extrapolated by 810/N; drydock's {@code grid} is timed the
 * same way on {@code --grid-sample M} configurations; drydock's default strategy runs in full.
 */
public final class Bench {
    private static final int FULL_GRID = 810;
    /** The reference's full-grid hold-out RMSLE measured on a machine of this kind (shared/bench/README.md). */
    private static final double REFERENCE_FULL_HOLDOUT = 0.1432;

    private Bench() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        Path reference = Path.of(required(opts, "reference"));
        Path train = Path.of(required(opts, "train"));
        int sample = Integer.parseInt(opts.getOrDefault("sample", "12"));
        int gridSample = Integer.parseInt(opts.getOrDefault("grid-sample", "24"));
        String python = opts.getOrDefault("python", "/usr/bin/python3");
        Path jar = Path.of(opts.getOrDefault("jar", "trainer/target/drydock-trainer.jar"));
        Path work = Files.createDirectories(Path.of(opts.getOrDefault("work", "/tmp/drydock-bench")));

        Path ids = work.resolve("holdout_ids.txt");
        System.out.printf(Locale.ROOT, "reference: %d of %d configurations (x5 folds)...%n", sample, FULL_GRID);
        Run ref = run(List.of(python, reference.toString(), train.toString(), "--sample", Integer.toString(sample),
                "--holdout-ids", ids.toString()), Map.of(), work.resolve("reference.log"));
        JsonNode refJson = new ObjectMapper().readTree(lastLine(ref.output()));
        double refWall = refJson.get("wall_s").asDouble();
        double refFull = refWall * FULL_GRID / sample;

        System.out.println("drydock default strategy (halving), full space...");
        Trained fast = trainDrydock(jar, train, ids, work.resolve("halving"), Map.of());
        System.out.printf(Locale.ROOT, "drydock grid: %d of %d configurations (x5 folds)...%n", gridSample, FULL_GRID);
        Trained grid = trainDrydock(jar, train, ids, work.resolve("grid"),
                Map.of("strategy", "grid", "max_trials", Integer.toString(gridSample)));
        double gridFull = grid.tuningSeconds() * FULL_GRID / gridSample;
        double refFullTuning = refWall * FULL_GRID / sample;

        System.out.println();
        System.out.println("== drydock vs reference (same train.csv, same 365 held-out houses) ==");
        System.out.printf(Locale.ROOT, "machine: %d processors, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"));
        System.out.printf(Locale.ROOT, "reference sample: %d configs in %.1f s (grid search only) -> full grid %.0f s"
                + " extrapolated; sample best cv_rmsle=%.4f holdout_rmsle=%.4f; full-grid holdout_rmsle=%.4f"
                + " (shared/bench/README.md)%n", sample, refWall, refFull, refJson.get("cv_rmsle").asDouble(),
                refJson.get("test_rmsle").asDouble(), REFERENCE_FULL_HOLDOUT);
        System.out.printf(Locale.ROOT, "drydock halving: %.1f s wall (process, JVM start included; tuning %.1f s);"
                + " cv_rmsle=%.4f holdout_rmsle=%.4f%n", fast.wallSeconds(), fast.tuningSeconds(), fast.cvRmsle(),
                fast.holdoutRmsle());
        System.out.printf(Locale.ROOT, "drydock grid sample: %d configs tuned in %.1f s -> full grid %.0f s"
                + " extrapolated%n", gridSample, grid.tuningSeconds(), gridFull);
        System.out.printf(Locale.ROOT, "ratio 1 (reference full grid / drydock default): %.1fx (target >= 30x);"
                + " holdout %.4f vs %.4f (target <=)%n", refFull / fast.wallSeconds(), fast.holdoutRmsle(),
                REFERENCE_FULL_HOLDOUT);
        System.out.printf(Locale.ROOT, "ratio 2 (reference grid / drydock grid, same 810x5 fits): %.1fx (target >= 3x)%n",
                refFullTuning / gridFull);
        boolean met = refFull / fast.wallSeconds() >= 30 && fast.holdoutRmsle() <= REFERENCE_FULL_HOLDOUT
                && refFullTuning / gridFull >= 3;
        System.out.println(met ? "targets: MET" : "targets: NOT MET");
    }

    private static Trained trainDrydock(Path jar, Path train, Path ids, Path root, Map<String, String> hyperparameters)
            throws IOException, InterruptedException {
        Files.createDirectories(root.resolve("input/config"));
        Files.createDirectories(root.resolve("input/data/training"));
        Files.createDirectories(root.resolve("input/data/holdout"));
        Files.copy(train, root.resolve("input/data/training/train.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(ids, root.resolve("input/data/holdout/ids.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> hp = new java.util.LinkedHashMap<>(hyperparameters);
        hp.put("holdout_ids", "holdout/ids.txt");
        dev.drydock.contract.Hyperparameters.of(hp).write(dev.drydock.contract.OptMl.at(root).hyperparametersFile());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Run run = run(List.of(java.toString(), "-jar", jar.toString(), "train"),
                Map.of("DRYDOCK_ML_ROOT", root.toString(), "OMP_WAIT_POLICY", "PASSIVE"), root.resolve("train.log"));
        JsonNode metrics = new ObjectMapper().readTree(root.resolve("model/metrics.json").toFile());
        return new Trained(run.seconds(), metrics.get("tuning_seconds").asDouble(), metrics.get("cv_rmsle").asDouble(),
                metrics.get("holdout_rmsle").asDouble());
    }

    private static Run run(List<String> command, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        int code = p.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (code != 0) {
            throw new IllegalStateException(command + " exited with " + code + "; see " + log + ":\n" + output);
        }
        return new Run(seconds, output);
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> out = new java.util.HashMap<>();
        List<String> list = new ArrayList<>(List.of(args));
        for (int i = 0; i + 1 < list.size(); i += 2) {
            if (!list.get(i).startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + list.get(i));
            }
            out.put(list.get(i).substring(2), list.get(i + 1));
        }
        return out;
    }

    private static String required(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    private record Run(double seconds, String output) {
    }

    private record Trained(double wallSeconds, double tuningSeconds, double cvRmsle, double holdoutRmsle) {
    }
}
