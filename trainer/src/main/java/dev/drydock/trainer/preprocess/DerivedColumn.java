package dev.drydock.trainer.preprocess;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drydock.contract.TrainingException;
import dev.drydock.trainer.data.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A numeric column computed from columns the user names: a total ({@code TotalSF:TotalBsmtSF+1stFlrSF+2ndFlrSF})
 * or an age ({@code HouseAge:YrSold-YearBuilt}). It holds nothing fitted, so it cannot leak from the rows it is
 * scored on; it is added before type inference and then encoded like any numeric column.
 *
 * <p>Missing values: a total counts a missing term as 0 (in tabular data a missing area is usually "none") and is
 * missing only when every term is; an age is missing when either term is.
 *
 * @param name the new column's name
 * @param operation how the sources combine
 * @param sources the columns it reads: two or more terms of a sum, or the minuend and the subtrahend of an age
 */
public record DerivedColumn(String name, Operation operation, List<String> sources) {
    /** How a derived column combines its sources. */
    public enum Operation {
        /** The sum of every source (hyperparameter {@code sum_features}). */
        @JsonProperty("sum") SUM("sum_features", "+", "TotalSF:TotalBsmtSF+1stFlrSF+2ndFlrSF"),
        /** The first source minus the second (hyperparameter {@code age_features}). */
        @JsonProperty("difference") DIFFERENCE("age_features", "-", "HouseAge:YrSold-YearBuilt");

        private final String hyperparameter;
        private final String separator;
        private final String example;

        Operation(String hyperparameter, String separator, String example) {
            this.hyperparameter = hyperparameter;
            this.separator = separator;
            this.example = example;
        }

        /** @return the hyperparameter that declares columns of this kind */
        public String hyperparameter() {
            return hyperparameter;
        }
    }

    private static final Pattern NAME = Pattern.compile("[^,:+\\-\\s][^,:+\\-]*");

    /** Validates and copies. */
    public DerivedColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(operation, "operation");
        sources = List.copyOf(sources);
        int expected = operation == Operation.DIFFERENCE ? 2 : sources.size();
        if (sources.size() < 2 || sources.size() != expected) {
            throw new IllegalArgumentException(operation.hyperparameter + " column " + name + " has " + sources.size()
                    + " sources " + sources + ": " + (operation == Operation.SUM ? "a total needs two or more"
                    : "an age needs exactly two (LATER-EARLIER)"));
        }
    }

    /**
     * Parses one hyperparameter: definitions {@code NAME:COLUMN+COLUMN...} (sums) or {@code NAME:COLUMN-COLUMN}
     * (ages), separated by commas. Column names may not hold {@code , : + -}.
     *
     * @param operation which hyperparameter {@code value} belongs to
     * @param value its value; blank declares nothing
     * @return the columns it declares, in order
     * @throws TrainingException naming the hyperparameter, the value and the expected form
     */
    public static List<DerivedColumn> parse(Operation operation, String value) {
        List<DerivedColumn> out = new ArrayList<>();
        if (value.isBlank()) {
            return out;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String definition : value.split(",", -1)) {
            int colon = definition.indexOf(':');
            String name = colon < 0 ? "" : definition.substring(0, colon).trim();
            String[] terms = colon < 0 ? new String[0]
                    : definition.substring(colon + 1).split(Pattern.quote(operation.separator), -1);
            List<String> sources = new ArrayList<>();
            for (String term : terms) {
                sources.add(term.trim());
            }
            boolean wellFormed = NAME.matcher(name).matches() && sources.stream().allMatch(s -> NAME.matcher(s).matches())
                    && (operation == Operation.SUM ? sources.size() >= 2 : sources.size() == 2);
            if (!wellFormed) {
                throw malformed(operation, value, "\"" + definition.trim() + "\" is not NAME:" + (operation == Operation.SUM
                        ? "COLUMN+COLUMN[+COLUMN...]" : "LATER-EARLIER"));
            }
            if (!names.add(name)) {
                throw malformed(operation, value, "the name " + name + " is declared twice");
            }
            out.add(new DerivedColumn(name, operation, sources));
        }
        return out;
    }

    private static TrainingException malformed(Operation operation, String value, String problem) {
        return new TrainingException("hyperparameter " + operation.hyperparameter + "=\"" + value + "\" is malformed: "
                + problem + "; write definitions separated by commas, e.g. " + operation.hyperparameter + "="
                + operation.example + " (column names may not hold , : + or -)");
    }

    /**
     * @param table rows with every source column
     * @return the computed values as strings ("NA" when missing), one per row
     * @throws TrainingException when a source column is absent or holds a value that is not a number
     */
    public String[] compute(Table table) {
        List<String[]> columns = new ArrayList<>();
        for (String source : sources) {
            if (!table.has(source)) {
                throw new TrainingException(operation.hyperparameter + " column " + name + " reads " + source
                        + ", which the data lacks: name columns of the training data (" + String.join(", ",
                        table.header().stream().limit(8).toList()) + (table.header().size() > 8 ? ", ..." : "")
                        + ") in the hyperparameter " + operation.hyperparameter);
            }
            columns.add(table.column(source));
        }
        String[] out = new String[table.rowCount()];
        for (int r = 0; r < out.length; r++) {
            double[] values = new double[columns.size()];
            for (int s = 0; s < values.length; s++) {
                String raw = columns.get(s)[r];
                values[s] = MissingValues.parseOrNaN(raw);
                if (Double.isNaN(values[s]) && !MissingValues.isMissing(raw)) {
                    throw new TrainingException(operation.hyperparameter + " column " + name + " reads " + sources.get(s)
                            + ", whose value \"" + raw + "\" in " + table.describeRow(r, null) + " is not a number: name"
                            + " numeric columns in the hyperparameter " + operation.hyperparameter);
                }
            }
            double v = combine(values);
            out[r] = Double.isNaN(v) ? OneHotFeature.MISSING_LEVEL : format(v);
        }
        return out;
    }

    private double combine(double[] values) {
        if (operation == Operation.DIFFERENCE) {
            return values[0] - values[1]; // NaN when either is missing
        }
        double sum = 0;
        boolean any = false;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                any = true;
            }
        }
        return any ? sum : Double.NaN;
    }

    private static String format(double v) {
        // Whole numbers (areas, years) print without ".0"; the parsed value is the same either way.
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
