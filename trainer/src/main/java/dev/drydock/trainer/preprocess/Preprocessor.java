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
 * <p>Feature engineering ({@link FeatureEngineering}), every step fitted on the rows {@link #fit} is given and so,
 * inside cross-validation, on a fold's training rows alone: derived totals and ages are added as columns first (they
 * hold nothing fitted); categorical levels seen on fewer than {@code minLevelCount} rows are merged; and the linear
 * model's scaling (log of skewed numeric features, standardisation) is fitted last, on the encoded features.
 *
 * @param target the target column
 * @param idColumn the id column, or {@code null}
 * @param logTarget whether the model predicts log(target)
 * @param derived the derived columns, computed before encoding
 * @param encoders the feature encoders in feature order
 * @param linear the linear model's scaling of the features
 */
public record Preprocessor(String target, String idColumn, boolean logTarget, List<DerivedColumn> derived,
        List<FeatureEncoder> encoders, LinearScaling linear) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Validates and copies. */
    public Preprocessor {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(linear, "linear");
        derived = List.copyOf(derived);
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
        List<DerivedColumn> derived = options.engineering().derived();
        for (DerivedColumn d : derived) {
            if (d.sources().contains(options.target()) || d.sources().contains(id)) {
                throw new TrainingException(d.operation().hyperparameter() + " column " + d.name() + " reads "
                        + d.sources() + ", which holds the target or the id column: a feature may not be computed"
                        + " from them; name other columns");
            }
            if (table.has(d.name())) {
                throw new TrainingException(d.operation().hyperparameter() + " declares the column " + d.name()
                        + ", which the training data already has: give the new column another name");
            }
        }
        Table extended = withDerived(table, derived);
        List<FeatureEncoder> encoders = new ArrayList<>();
        for (String column : extended.header()) {
            if (column.equals(options.target()) || column.equals(id)) {
                continue;
            }
            fitColumn(column, extended.column(column), options).ifPresent(encoders::add);
        }
        if (encoders.isEmpty()) {
            throw new TrainingException("the training data has no feature column besides the target and the id");
        }
        Preprocessor unscaled = new Preprocessor(options.target(), id, options.logTarget(), derived, encoders,
                new LinearScaling(List.of()));
        List<String> names = unscaled.featureNames();
        boolean[] numeric = new boolean[names.size()];
        int offset = 0;
        for (FeatureEncoder e : encoders) {
            int width = e.featureNames().size();
            java.util.Arrays.fill(numeric, offset, offset + width, e instanceof NumericFeature);
            offset += width;
        }
        LinearScaling linear = LinearScaling.fit(unscaled.features(table), names, numeric,
                options.engineering().skewThreshold());
        return new Preprocessor(options.target(), id, options.logTarget(), derived, encoders, linear);
    }

    /** @return {@code table} with the derived columns appended (itself when there are none) */
    private static Table withDerived(Table table, List<DerivedColumn> derived) {
        if (derived.isEmpty()) {
            return table;
        }
        List<String> names = new ArrayList<>();
        List<String[]> values = new ArrayList<>();
        for (DerivedColumn d : derived) {
            names.add(d.name());
            values.add(d.compute(table));
        }
        return table.withColumns(names, values);
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
        int minCount = options.engineering().minLevelCount();
        List<String> levels = counts.entrySet().stream()
                .filter(level -> level.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(options.maxLevels()).map(Map.Entry::getKey).toList();
        // Merging is asked for by minLevelCount > 1; then every level not kept, now or at prediction, is "rare".
        return Optional.of(new OneHotFeature(column, levels, minCount > 1));
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
        Set<String> derivedNames = new java.util.HashSet<>();
        for (DerivedColumn d : derived) {
            derivedNames.add(d.name());
            d.sources().stream().filter(source -> !table.has(source)).forEach(missing::add);
        }
        for (FeatureEncoder e : encoders) {
            if (!table.has(e.column()) && !derivedNames.contains(e.column())) {
                missing.add(e.column());
            }
        }
        if (!missing.isEmpty()) {
            throw new TrainingException("the data lacks " + missing.size() + " of the " + encoders.size()
                    + " columns the model was trained on (" + firstFew(missing) + "): give rows with the columns of the"
                    + " training data, without the target");
        }
        Table extended = withDerived(table, derived);
        int width = featureCount();
        int rows = extended.rowCount();
        float[] out = new float[rows * width];
        int offset = 0;
        for (FeatureEncoder e : encoders) {
            String[] column = extended.column(e.column());
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
     * @param table rows with every feature column
     * @return the linear model's features, {@code rowCount x featureCount}: {@link #features} scaled by {@link #linear}
     */
    public float[] linearFeatures(Table table) {
        return linear.apply(features(table));
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
