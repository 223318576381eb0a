package dev.drydock.examples.toolkit;

import dev.drydock.contract.ContainerRunner;
import dev.drydock.contract.Hyperparameters;
import dev.drydock.contract.MetricLine;
import dev.drydock.contract.ProgressLine;
import dev.drydock.contract.ResourceConfig;
import dev.drydock.contract.StopSignal;
import dev.drydock.contract.TrainingEnvironment;
import dev.drydock.contract.TrainingException;
import dev.drydock.contract.TrainingProgram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A training program written with the container-contract toolkit only (no drydock SDK, no XGBoost): a straight
 * line {@code y = a*x + b} fitted by gradient descent to the CSV files ({@code x,y} with a header) of the channel
 * {@code training}. It shows what a Java team writes for its own image:
 *
 * <ul>
 *   <li>the entrypoint is {@link ContainerRunner#main}: {@code IMAGE train}, exit codes, the failure file, SIGTERM;</li>
 *   <li>hyperparameters are read typed, unknown names refused ({@code epochs}, {@code learning_rate});</li>
 *   <li>a metric line per epoch ({@code mse=...}, found by {@code MetricLine.regexFor("mse")}) and a progress line;</li>
 *   <li>on a stop request it saves the line so far; on several hosts only the leader writes the model.</li>
 * </ul>
 *
 * <pre>java -cp drydock-examples.jar dev.drydock.examples.toolkit.LinearTrainer train</pre>
 */
public final class LinearTrainer implements TrainingProgram {
    /** The hyperparameters this program knows. */
    public static final Set<String> HYPERPARAMETERS = Set.of("epochs", "learning_rate");

    /**
     * @param args {@code train}
     */
    public static void main(String[] args) {
        System.exit(ContainerRunner.main(args, new LinearTrainer()));
    }

    @Override
    public void train(TrainingEnvironment env, StopSignal stop) throws IOException {
        Hyperparameters hp = env.hyperparameters();
        hp.requireOnly(HYPERPARAMETERS);
        int epochs = hp.integer("epochs", 100);
        double rate = hp.number("learning_rate", 0.01);
        if (epochs < 1 || rate <= 0) {
            throw new TrainingException("hyperparameters epochs=" + epochs + " and learning_rate=" + rate
                    + " must be positive: set epochs to 1 or more and learning_rate above 0");
        }
        List<double[]> points = read(env.channel("training"));
        double a = 0;
        double b = 0;
        long started = System.nanoTime();
        for (int epoch = 1; epoch <= epochs && !stop.stopRequested(); epoch++) {
            double gradA = 0;
            double gradB = 0;
            double mse = 0;
            for (double[] p : points) {
                double error = a * p[0] + b - p[1];
                gradA += 2 * error * p[0] / points.size();
                gradB += 2 * error / points.size();
                mse += error * error / points.size();
            }
            a -= rate * gradA;
            b -= rate * gradB;
            System.out.println(MetricLine.format("mse", mse));
            double elapsed = (System.nanoTime() - started) / 1e9;
            System.out.println(new ProgressLine(epoch, epochs, "mse", mse, elapsed,
                    elapsed / epoch * (epochs - epoch)).format());
        }
        ResourceConfig hosts = env.resourceConfig();
        if (hosts.isLeader()) {
            // Every host trains on its files; one writes the model, as SageMaker packs each host's folder alike.
            Files.writeString(env.modelDir().resolve("line.json"),
                    String.format(Locale.ROOT, "{\"a\": %.9f, \"b\": %.9f}%n", a, b), StandardCharsets.UTF_8);
        }
    }

    private static List<double[]> read(Path channel) throws IOException {
        List<double[]> points = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(channel)) {
            files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",");
                try {
                    points.add(new double[] {Double.parseDouble(cells[0].trim()), Double.parseDouble(cells[1].trim())});
                } catch (RuntimeException e) {
                    throw new TrainingException(file.getFileName() + " line " + (i + 1) + " \"" + lines.get(i)
                            + "\" is not two numbers x,y: fix the row or remove it");
                }
            }
        }
        if (points.isEmpty()) {
            throw new TrainingException("channel training holds no x,y rows in .csv files: upload at least one");
        }
        return points;
    }
}
