package dev.drydock.trainer.preprocess;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drydock.contract.TrainingException;
import dev.drydock.trainer.data.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fitted preprocessing: one encoder per feature column and the target transform. Fitted once on the training
 * rows, saved next to the model as {@code preprocessing.json}, and applied unchanged at prediction.
 *
 * <p>Type inference: a column is numeric when every non-missing value parses as a number; otherwise it is
 * categorical, encoded by rank when its levels form a known ordered scale and one-hot otherwise (every level up
 * to {@code maxLevels}, unlike the reference, which drops categoricals of 13 levels or more).
 *
 * @param target the target column
 * @param idColumn the id column, or {@code null}
 * @param logTarget whether the model predicts log(target)
 * @param encoders the feature encoders in feature order
 */
public record Preprocessor(String target, String idColumn, boolean logTarget, List<FeatureEncoder> encoders) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Validates and copies. */
    public Preprocessor {
        Objects.requireNonNull(target, "target");
        encoders = List.copyOf(encoders);
    }

    /**
     * @param table training rows, with the target
     * @param options what to fit
     * @return the fitted preprocessing
     * @throws TrainingException when the target column is missing or no feature column remains
     */
    public static Preprocessor fit(Table table, PreprocessOptions options) {
        if (!table.has(options.target())) {
            throw new TrainingException("target column \"" + options.target() + "\" is missing from the training data;"
                    + " set the hyperparameter target to one of " + table.header());
        }
        String id = options.idColumn() != null && table.has(options.idColumn()) ? options.idColumn() : null;
        List<FeatureEncoder> encoders = new ArrayList<>();
        for (String column : table.header()) {
            if (column.equals(options.target()) || column.equals(id)) {
                continue;
            }
            fitColumn(column, table.column(column), options).ifPresent(encoders::add);
        }
        if (encoders.isEmpty()) {
            throw new TrainingException("the training data has no feature column besides the target and the id");
        }
        return new Preprocessor(options.target(), id, options.logTarget(), encoders);
    }

    private static Optional<FeatureEncoder> fitColumn(String column, String[] values, PreprocessOptions options) {
        boolean numeric = true;
        Map<String, Integer> counts = new HashMap<>();
        List<Double> numbers = new ArrayList<>();
        for (String raw : values) {
            if (MissingValues.isMissing(raw)) {
                counts.merge(OneHotFeature.MISSING_LEVEL, 1, Integer::sum);
                continue;
            }
            String level = raw.trim();
            counts.merge(level, 1, Integer::sum);
            double v = MissingValues.parseOrNaN(level);
            if (Double.isNaN(v)) {
                numeric = false;
            } else {
                numbers.add(v);
            }
        }
        if (numeric && !numbers.isEmpty()) {
            return Optional.of(new NumericFeature(column, fill(numbers, options.imputation())));
        }
        Set<String> present = new TreeSet<>(counts.keySet());
        present.remove(OneHotFeature.MISSING_LEVEL);
        if (present.isEmpty()) {
            return Optional.empty(); // all missing: carries no information
        }
        Optional<Map<String, Integer>> ranks = OrderedScales.ranksFor(present);
        if (ranks.isPresent()) {
            return Optional.of(new OrdinalFeature(column, ranks.get()));
        }
        List<String> levels = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(options.maxLevels()).map(Map.Entry::getKey).toList();
        return Optional.of(new OneHotFeature(column, levels));
    }

    private static float fill(List<Double> numbers, Imputation imputation) {
        return switch (imputation) {
            case NATIVE -> Float.NaN;
            case ZERO -> 0f;
            case MEDIAN -> {
                double[] sorted = numbers.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                int n = sorted.length;
                yield (float) (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
            }
        };
    }

    /** @return every feature name in order */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        encoders.forEach(e -> names.addAll(e.featureNames()));
        return names;
    }

    /** @return the number of features */
    public int featureCount() {
        return encoders.stream().mapToInt(e -> e.featureNames().size()).sum();
    }

    /**
     * @param table rows with every feature column (the target may be absent)
     * @return the features, row-major, {@code rowCount x featureCount}, NaN for missing
     * @throws TrainingException naming the feature columns the table lacks
     */
    public float[] features(Table table) {
        Set<String> missing = new LinkedHashSet<>();
        for (FeatureEncoder e : encoders) {
            if (!table.has(e.column())) {
                missing.add(e.column());
            }
        }
        if (!missing.isEmpty()) {
            throw new TrainingException("the data lacks " + missing.size() + " of the " + encoders.size()
                    + " columns the model was trained on (" + firstFew(missing) + "): give rows with the columns of the"
                    + " training data, without the target");
        }
        int width = featureCount();
        int rows = table.rowCount();
        float[] out = new float[rows * width];
        int offset = 0;
        for (FeatureEncoder e : encoders) {
            String[] column = table.column(e.column());
            float[] row = new float[e.featureNames().size()];
            for (int r = 0; r < rows; r++) {
                e.encode(column[r], row, 0);
                System.arraycopy(row, 0, out, r * width + offset, row.length);
            }
            offset += row.length;
        }
        return out;
    }

    /**
     * @param table rows with the target column
     * @return the raw target values
     * @throws TrainingException when a value is missing or not a number, or not positive with a log target
     */
    public double[] rawTarget(Table table) {
        if (!table.has(target)) {
            throw new TrainingException("target column \"" + target + "\" is missing from the data");
        }
        String[] column = table.column(target);
        double[] out = new double[column.length];
        for (int r = 0; r < column.length; r++) {
            double v = MissingValues.parseOrNaN(column[r]);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new TrainingException("target column \"" + target + "\" has a non-numeric value \"" + column[r]
                        + "\" in " + table.describeRow(r, idColumn) + ": every target value must be a number");
            }
            if (logTarget && v <= 0) {
                throw new TrainingException("target column \"" + target + "\" has the value " + column[r]
                        + " in " + table.describeRow(r, idColumn) + ", not positive: log_target=true needs positive targets"
                        + " (set log_target=false to learn the raw target)");
            }
            out[r] = v;
        }
        return out;
    }

    /**
     * @param table rows with the target column
     * @return the target as the model learns it (log when {@link #logTarget()})
     */
    public float[] labels(Table table) {
        double[] raw = rawTarget(table);
        float[] out = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = (float) (logTarget ? Math.log(raw[i]) : raw[i]);
        }
        return out;
    }

    /**
     * @param prediction what the model predicted for one row
     * @return the prediction in target units
     */
    public double toTarget(float prediction) {
        return logTarget ? Math.exp(prediction) : prediction;
    }

    /**
     * @param file where to write {@code preprocessing.json}
     * @throws IOException when it cannot be written
     */
    public void save(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    private static String firstFew(Set<String> names) {
        // 79 column names on one line hide the message; the first few say enough to see what is wrong.
        int shown = 6;
        String head = String.join(", ", names.stream().limit(shown).toList());
        return names.size() <= shown ? head : head + " and " + (names.size() - shown) + " more";
    }

    /**
     * @param file a {@code preprocessing.json} written by {@link #save}
     * @return the preprocessing
     * @throws IOException when it cannot be read or parsed
     */
    public static Preprocessor load(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Preprocessor.class);
    }

    @Override
    public String toString() {
        return "Preprocessor[target=" + target + ", id=" + idColumn + ", logTarget=" + logTarget + ", features="
                + featureCount() + " from " + encoders.size() + " columns " + Arrays.toString(
                        encoders.stream().map(FeatureEncoder::column).limit(5).toArray()) + "...]";
    }
}
