package dev.drydock.examples.cli;

import dev.drydock.trainer.predict.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code drydock predict}: a Kaggle submission from a model and a CSV of houses. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict a CSV of houses with a trained model and write Id,SalePrice.")
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "PATH", description = "model.tar.gz or its extracted folder.")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "CSV", description = "Houses to predict (the columns of train.csv, without the target).")
    Path input;

    @Option(names = "--output", paramLabel = "CSV", defaultValue = "submission.csv", description = "Where to write (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() {
        try (Predictor predictor = Predictor.load(model)) {
            int rows = predictor.writeSubmission(input, output);
            System.out.println("wrote " + rows + " predictions to " + output.toAbsolutePath());
        }
        return 0;
    }
}
