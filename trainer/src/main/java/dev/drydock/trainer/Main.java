package dev.drydock.trainer;

import dev.drydock.contract.ContainerRunner;
import dev.drydock.contract.TrainingEnvironment;
import dev.drydock.trainer.predict.PredictionException;
import dev.drydock.trainer.predict.Predictor;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The trainer's command line, the image's entrypoint:
 *
 * <pre>
 * java -jar drydock-trainer.jar train                          # SageMaker contract: /opt/ml (or DRYDOCK_ML_ROOT)
 * java -jar drydock-trainer.jar predict MODEL INPUT.csv OUT.csv # MODEL: model.tar.gz or its folder
 * </pre>
 *
 * <p>Exit codes: 0 success, 1 failure (for {@code train}, with {@code /opt/ml/output/failure}), 2 usage.
 */
public final class Main {
    private Main() {
    }

    /**
     * @param args {@code train}, or {@code predict MODEL INPUT OUTPUT}
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || !(args[0].equals("train") || args[0].equals("predict"))) {
            return usage();
        }
        Optional<Integer> rerun = OmpGuard.rerunIfNeeded(args, args[0].equals("train") ? requestedHeap() : Optional.empty());
        if (rerun.isPresent()) {
            return rerun.get();
        }
        if (args[0].equals("train")) {
            if (args.length != 1) {
                return usage();
            }
            return ContainerRunner.run(TrainingEnvironment.fromSystem(), new TabularTrainer(), ContainerRunner.DEFAULT_GRACE);
        }
        if (args.length != 4) {
            return usage();
        }
        try (Predictor predictor = Predictor.load(Path.of(args[1]))) {
            int rows = predictor.writeSubmission(Path.of(args[2]), Path.of(args[3]));
            System.out.println("predicted " + rows + " rows into " + args[3]);
            return 0;
        } catch (PredictionException e) {
            System.err.println("prediction failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The heap the job's {@code java_heap} asks for, when it is well-formed; a malformed one is reported with every
     * other hyperparameter problem when the job starts.
     */
    private static Optional<String> requestedHeap() {
        try {
            Optional<String> raw = TrainingEnvironment.fromSystem().hyperparameters().string("java_heap");
            return raw.isPresent() ? TrainerConfig.builder().javaHeap(raw.get()).build().javaHeap() : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int usage() {
        System.err.println("usage: java -jar drydock-trainer.jar train\n"
                + "       java -jar drydock-trainer.jar predict MODEL(model.tar.gz|folder) INPUT.csv OUTPUT.csv");
        return 2;
    }
}
