package dev.drydock.trainer.predict;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.drydock.archive.TarGz;
import dev.drydock.contract.TrainingException;
import dev.drydock.trainer.data.CsvTables;
import dev.drydock.trainer.data.SourceNames;
import dev.drydock.trainer.data.Table;
import dev.drydock.trainer.objective.ClassWeights;
import dev.drydock.trainer.objective.EvalMetric;
import dev.drydock.trainer.objective.Objective;
import dev.drydock.trainer.objective.ObjectiveOptions;
import dev.drydock.trainer.objective.Task;
import dev.drydock.trainer.output.ModelFiles;
import dev.drydock.trainer.preprocess.Preprocessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
    /** Rows read, predicted and written at a time by {@link #writeSubmission}: bounds its memory on any file. */
    public static final int CHUNK_ROWS = 10_000;

    private final Booster booster;
    private final Preprocessor preprocessor;
    private final Task task;

    private Predictor(Booster booster, Preprocessor preprocessor, Task task) {
        this.booster = booster;
        this.preprocessor = preprocessor;
        this.task = task;
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
            Task task;
            Booster booster;
            try {
                pre = Preprocessor.load(preprocessing);
                Path objective = dir.resolve(ModelFiles.OBJECTIVE);
                // A model from before objectives were chosen is a regression on its preprocessing's target transform.
                task = Files.isRegularFile(objective) ? Task.load(objective) : new Task(new ObjectiveOptions(
                        Objective.SQUARED_ERROR, pre.logTarget() ? EvalMetric.RMSLE : EvalMetric.RMSE, pre.logTarget(),
                        1.5, 1, ClassWeights.NONE, 0), List.of());
                booster = XGBoost.loadModel(boosterFile.toString());
            } catch (XGBoostError | IOException | RuntimeException e) {
                // Jackson's parse errors are IOExceptions: a junk file is the user's input, not an internal fault.
                throw PredictionException.badInput(model + " holds a damaged or foreign model: " + ModelFiles.MODEL + " or "
                        + ModelFiles.PREPROCESSING + " cannot be read (train again, or give another model)", e);
            }
            return new Predictor(booster, pre, task);
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

    /** @return what the model learns: its objective, metric and a classifier's classes */
    public Task task() {
        return task;
    }

    /**
     * @param rows rows with every feature column the model was trained on (extra columns are ignored)
     * @return one prediction per row, in target units
     * @throws PredictionException when feature columns are missing, or the model is a classifier ({@link #classify})
     */
    public double[] predict(Table rows) {
        if (task.objective().isClassifier()) {
            throw PredictionException.badInput("this model is a classifier of " + task.classes() + ": its predictions"
                    + " are classes and probabilities (Predictor.classify), not numbers", null);
        }
        float[][] raw = output(rows);
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = preprocessor.toTarget(raw[i][0]);
        }
        return out;
    }

    /**
     * @param rows rows with every feature column the model was trained on (extra columns are ignored)
     * @return every class's probability for every row
     * @throws PredictionException when feature columns are missing, or the model is a regression ({@link #predict})
     */
    public Classified classify(Table rows) {
        if (!task.objective().isClassifier()) {
            throw PredictionException.badInput("this model is a regression (" + task.objective().nativeName() + "): its"
                    + " predictions are numbers (Predictor.predict), not classes", null);
        }
        float[][] raw = output(rows);
        int k = task.classCount();
        double[] probabilities = new double[raw.length * k];
        for (int i = 0; i < raw.length; i++) {
            if (k == 2) {
                probabilities[i * 2] = 1 - raw[i][0];
                probabilities[i * 2 + 1] = raw[i][0];
            } else {
                for (int c = 0; c < k; c++) {
                    probabilities[i * k + c] = raw[i][c];
                }
            }
        }
        return new Classified(task.classes(), probabilities);
    }

    /** XGBoost's output for the rows, through the preprocessing the model was trained with. */
    private float[][] output(Table rows) {
        try {
            float[] x = preprocessor.features(rows);
            return booster.inplace_predict(x, rows.rowCount(), preprocessor.featureCount(), Float.NaN);
        } catch (TrainingException e) {
            throw PredictionException.badInput("cannot predict: " + e.getMessage(), e);
        } catch (XGBoostError e) {
            throw new PredictionException("XGBoost could not predict: " + e.getMessage(), e);
        }
    }

    /**
     * Predicts a CSV and writes a submission: the id column and the target column, e.g. {@code Id,SalePrice}; for a
     * classifier the predicted class in the target column and then one probability column per class, named by the
     * class ({@code Id,Churn,no,yes}). Reads, predicts and writes {@value #CHUNK_ROWS} rows at a time.
     *
     * @param inputCsv rows to predict, with the id column
     * @param outputCsv where to write the submission
     * @return the number of rows predicted
     * @throws PredictionException when the input lacks the id or feature columns or cannot be read
     */
    public int writeSubmission(Path inputCsv, Path outputCsv) {
        return writeSubmission(inputCsv, outputCsv, CHUNK_ROWS);
    }

    /**
     * {@link #writeSubmission(Path, Path)} in chunks of {@code chunkRows} rows: the memory it needs is bounded by the
     * chunk, not the file (a batch of any size).
     *
     * @param inputCsv rows to predict, with the id column
     * @param outputCsv where to write the submission; written whole or not at all
     * @param chunkRows rows read, predicted and written at a time, at least 1
     * @return the number of rows predicted
     * @throws PredictionException when the input lacks the id or feature columns or cannot be read
     */
    public int writeSubmission(Path inputCsv, Path outputCsv, int chunkRows) {
        if (SafeOutput.sameFile(inputCsv, outputCsv)) {
            throw PredictionException.badInput("the output " + outputCsv + " is the input " + inputCsv + ": writing it would"
                    + " destroy the rows to predict; choose another output file", null);
        }
        String id = preprocessor.idColumn();
        long[] rows = new long[1];
        // Written beside the target and renamed over it: a full disk, a bad row in the middle or a crash never leaves
        // a truncated file in place of a good one.
        SafeOutput.write(outputCsv, file -> {
            try (CsvWriter csv = CsvWriter.builder().build(file)) {
                rows[0] = CsvTables.forEachChunk(inputCsv, SourceNames.NONE, chunkRows, chunk -> {
                    if (rows[0] == 0) {
                        if (id == null || !chunk.has(id)) {
                            throw PredictionException.badInput("cannot write a submission: " + inputCsv
                                    + " has no id column \"" + id + "\"", null);
                        }
                        csv.writeRecord(header(id));
                    }
                    rows[0] += chunk.rowCount();
                    writeChunk(csv, chunk, id, inputCsv);
                });
            } catch (TrainingException e) {
                throw PredictionException.badInput(e.getMessage(), e);
            }
        });
        return Math.toIntExact(rows[0]);
    }

    private List<String> header(String id) {
        List<String> header = new ArrayList<>(List.of(id, preprocessor.target()));
        header.addAll(task.classes());
        return header;
    }

    private void writeChunk(CsvWriter csv, Table chunk, String id, Path inputCsv) {
        String[] ids = chunk.column(id);
        try {
            if (!task.objective().isClassifier()) {
                double[] predictions = predict(chunk);
                for (int i = 0; i < predictions.length; i++) {
                    csv.writeRecord(ids[i], String.format(Locale.ROOT, "%.2f", predictions[i]));
                }
                return;
            }
            Classified classified = classify(chunk);
            String[] record = new String[2 + task.classCount()];
            for (int i = 0; i < classified.rows(); i++) {
                record[0] = ids[i];
                record[1] = classified.predictedClass(i);
                for (int c = 0; c < task.classCount(); c++) {
                    record[2 + c] = String.format(Locale.ROOT, "%.6f", classified.probability(i, c));
                }
                csv.writeRecord(record);
            }
        } catch (PredictionException e) {
            // Name the user's file: "the data" alone does not say which of their files to fix.
            throw e.isBadInput() ? PredictionException.badInput(inputCsv + ": " + e.getMessage(), e) : e;
        }
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
