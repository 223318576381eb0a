package dev.drydock.trainer.predict;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.drydock.archive.TarGz;
import dev.drydock.contract.TrainingException;
import dev.drydock.trainer.data.CsvTables;
import dev.drydock.trainer.data.Table;
import dev.drydock.trainer.output.ModelFiles;
import dev.drydock.trainer.preprocess.Preprocessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained model ready to predict: the booster and the preprocessing it was trained with. Load it from the
 * job's {@code model.tar.gz} or from the folder it extracts to. Close it to free the native booster.
 *
 * <pre>{@code
 * try (Predictor p = Predictor.load(Path.of("model.tar.gz"))) {
 *     p.writeSubmission(Path.of("test.csv"), Path.of("submission.csv"));
 * }
 * }</pre>
 */
public final class Predictor implements AutoCloseable {
    private final Booster booster;
    private final Preprocessor preprocessor;

    private Predictor(Booster booster, Preprocessor preprocessor) {
        this.booster = booster;
        this.preprocessor = preprocessor;
    }

    /**
     * @param model a {@code model.tar.gz} or a folder holding {@value ModelFiles#MODEL} and
     *     {@value ModelFiles#PREPROCESSING}
     * @return the predictor
     * @throws PredictionException when the model cannot be read
     */
    public static Predictor load(Path model) {
        Path dir = model;
        Path temp = null;
        if (!Files.exists(model)) {
            throw PredictionException.badInput("the model " + model.toAbsolutePath() + " does not exist: give a drydock"
                    + " model.tar.gz or its extracted folder (drydock train prints where it put the model)", null);
        }
        try {
            if (Files.isRegularFile(model)) {
                temp = Files.createTempDirectory("drydock-model");
                // The archive module's extractor: a model.tar.gz from elsewhere is untrusted (no "..", no escaping links, size caps).
                TarGz.create().extract(model, temp);
                dir = temp;
            }
            Path boosterFile = dir.resolve(ModelFiles.MODEL);
            Path preprocessing = dir.resolve(ModelFiles.PREPROCESSING);
            if (!Files.isRegularFile(boosterFile) || !Files.isRegularFile(preprocessing)) {
                throw PredictionException.badInput(model + " is not a drydock model: it has no " + ModelFiles.MODEL
                        + " and " + ModelFiles.PREPROCESSING + " (give a drydock model.tar.gz or its extracted folder)", null);
            }
            Preprocessor pre;
            Booster booster;
            try {
                pre = Preprocessor.load(preprocessing);
                booster = XGBoost.loadModel(boosterFile.toString());
            } catch (XGBoostError | IOException | RuntimeException e) {
                // Jackson's parse errors are IOExceptions: a junk file is the user's input, not an internal fault.
                throw PredictionException.badInput(model + " holds a damaged or foreign model: " + ModelFiles.MODEL + " or "
                        + ModelFiles.PREPROCESSING + " cannot be read (train again, or give another model)", e);
            }
            return new Predictor(booster, pre);
        } catch (IOException | RuntimeException e) {
            if (e instanceof PredictionException pe) {
                throw pe;
            }
            throw new PredictionException("cannot read the model at " + model + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** @return the preprocessing the model was trained with */
    public Preprocessor preprocessing() {
        return preprocessor;
    }

    /**
     * @param rows rows with every feature column the model was trained on (extra columns are ignored)
     * @return one prediction per row, in target units
     * @throws PredictionException when feature columns are missing
     */
    public double[] predict(Table rows) {
        try {
            float[] x = preprocessor.features(rows);
            float[][] raw = booster.inplace_predict(x, rows.rowCount(), preprocessor.featureCount(), Float.NaN);
            double[] out = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                out[i] = preprocessor.toTarget(raw[i][0]);
            }
            return out;
        } catch (TrainingException e) {
            throw PredictionException.badInput("cannot predict: " + e.getMessage(), e);
        } catch (XGBoostError e) {
            throw new PredictionException("XGBoost could not predict: " + e.getMessage(), e);
        }
    }

    /**
     * Predicts a CSV of houses and writes a Kaggle submission: the id column and the target column, e.g.
     * {@code Id,SalePrice}.
     *
     * @param inputCsv rows to predict, with the id column
     * @param outputCsv where to write the submission
     * @return the number of rows predicted
     * @throws PredictionException when the input lacks the id or feature columns or cannot be read
     */
    public int writeSubmission(Path inputCsv, Path outputCsv) {
        if (SafeOutput.sameFile(inputCsv, outputCsv)) {
            throw PredictionException.badInput("the output " + outputCsv + " is the input " + inputCsv + ": writing it would"
                    + " destroy the houses to predict; choose another output file", null);
        }
        Table rows;
        try {
            rows = CsvTables.read(inputCsv);
        } catch (TrainingException e) {
            throw PredictionException.badInput(e.getMessage(), e);
        }
        String id = preprocessor.idColumn();
        if (id == null || !rows.has(id)) {
            throw PredictionException.badInput("cannot write a submission: " + inputCsv + " has no id column \"" + id + "\"",
                    null);
        }
        double[] predictions;
        try {
            predictions = predict(rows);
        } catch (PredictionException e) {
            // Name the user's file: "the data" alone does not say which of their files to fix.
            throw e.isBadInput() ? PredictionException.badInput(inputCsv + ": " + e.getMessage(), e) : e;
        }
        String[] ids = rows.column(id);
        // Written beside the target and renamed over it: a full disk or a crash never leaves a truncated file in
        // place of a good one.
        SafeOutput.write(outputCsv, file -> {
            try (CsvWriter csv = CsvWriter.builder().build(file)) {
                csv.writeRecord(id, preprocessor.target());
                for (int i = 0; i < predictions.length; i++) {
                    csv.writeRecord(ids[i], String.format(Locale.ROOT, "%.2f", predictions[i]));
                }
            }
        });
        return predictions.length;
    }

    @Override
    public void close() {
        booster.dispose();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
