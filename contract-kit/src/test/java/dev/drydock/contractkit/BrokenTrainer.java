package dev.drydock.contractkit;

import dev.drydock.contract.ContainerRunner;
import dev.drydock.contract.FailureFile;
import dev.drydock.contract.MetricLine;
import dev.drydock.contract.TrainingEnvironment;
import dev.drydock.contract.TrainingException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small program that honours the contract except for one flaw, named by its first argument, so that each check of
 * the kit can be seen to fail. {@code none} honours it all. Hyperparameters: {@code steps} (an integer), how many
 * 50 ms steps to work; each step prints {@code step=K} and {@code loss=V}.
 */
public final class BrokenTrainer {
    private BrokenTrainer() {
    }

    /**
     * @param args the flaw, then {@code train}
     */
    public static void main(String[] args) throws Exception {
        String flaw = args[0];
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        switch (flaw) {
            case "exit-one" -> System.exit(1);
            case "ignores-config" -> {
                // Never opens input/config: trains on whatever the data folder holds.
                Path root = Path.of(System.getenv().getOrDefault("DRYDOCK_ML_ROOT", "/opt/ml"));
                Files.createDirectories(root.resolve("model"));
                Files.writeString(root.resolve("model/model.txt"), "blind");
                System.exit(0);
            }
            case "ignores-sigterm" -> sun.misc.Signal.handle(new sun.misc.Signal("TERM"), sun.misc.SignalHandler.SIG_IGN);
            default -> {
                // the other flaws are in the program below
            }
        }
        if (flaw.equals("exits-on-sigterm")) {
            // The JVM's default: SIGTERM ends the process at once, nothing saved.
            System.exit(program(flaw).apply(TrainingEnvironment.fromSystem()));
        }
        System.exit(ContainerRunner.main(rest, (env, stop) -> {
            int steps = flaw.equals("accepts-anything") ? 3 : steps(env, flaw);
            for (int k = 1; k <= steps && !stop.stopRequested(); k++) {
                Thread.sleep(50);
                double loss = 1.0 / k;
                System.out.println("step=" + k);
                System.out.println(MetricLine.format("loss", loss));
                if (flaw.equals("double-metric")) {
                    System.out.println("summary: best loss=" + String.format(java.util.Locale.ROOT, "%.6f", loss));
                }
            }
            if (!flaw.equals("no-model")) {
                Files.writeString(env.modelDir().resolve("model.txt"), "trained");
            }
        }));
    }

    private static int steps(TrainingEnvironment env, String flaw) {
        try {
            return env.hyperparameters().integer("steps", 3);
        } catch (TrainingException e) {
            if (flaw.equals("no-failure-file")) {
                System.exit(1);
            }
            throw e;
        }
    }

    private static java.util.function.Function<TrainingEnvironment, Integer> program(String flaw) {
        return env -> {
            try {
                int steps = steps(env, flaw);
                for (int k = 1; k <= steps; k++) {
                    Thread.sleep(50);
                    System.out.println("step=" + k);
                }
                Files.writeString(env.modelDir().resolve("model.txt"), "trained");
                return 0;
            } catch (Exception e) {
                FailureFile.write(env.failureFile(), e);
                return 1;
            }
        };
    }
}
