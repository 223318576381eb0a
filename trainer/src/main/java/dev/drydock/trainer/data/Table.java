package dev.drydock.trainer.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV table held as strings, column-major: type inference and encoding happen later, per column.
 * Immutable once built.
 */
public final class Table {
    private final List<String> header;
    private final String[][] columns;
    private final int rows;
    private final Map<String, Integer> index = new HashMap<>();
    private final RowOrigins origins;

    /**
     * @param header the column names, unique
     * @param columns one array per column, all of the same length
     */
    public Table(List<String> header, String[][] columns) {
        this(header, columns, null);
    }

    /**
     * @param header the column names, unique
     * @param columns one array per column, all of the same length
     * @param origins where each row was read, or {@code null} when unknown
     */
    public Table(List<String> header, String[][] columns, RowOrigins origins) {
        if (header.size() != columns.length) {
            throw new IllegalArgumentException("header has " + header.size() + " names for " + columns.length + " columns");
        }
        this.header = List.copyOf(header);
        this.columns = columns;
        this.rows = columns.length == 0 ? 0 : columns[0].length;
        for (int c = 0; c < header.size(); c++) {
            if (columns[c].length != rows) {
                throw new IllegalArgumentException("column " + header.get(c) + " has " + columns[c].length
                        + " rows, expected " + rows);
            }
            if (index.put(header.get(c), c) != null) {
                throw new IllegalArgumentException("column name \"" + header.get(c) + "\" appears twice in the header");
            }
        }
        if (origins != null && origins.size() != rows) {
            throw new IllegalArgumentException("origins of " + origins.size() + " rows for a table of " + rows);
        }
        this.origins = origins;
    }

    /**
     * Names a row as its user knows it: the line of the file it was read from and, when the table has it, its id;
     * a row's position here changes with every split and shuffle, its line does not.
     *
     * @param row a row of this table
     * @param idColumn the id column, or {@code null}
     * @return e.g. {@code line 1001 of /home/me/train.csv (Id 1000)}, or {@code data row 5} when the origin is unknown
     */
    public String describeRow(int row, String idColumn) {
        String where = origins == null ? "data row " + (row + 1) : origins.describe(row);
        if (idColumn != null && has(idColumn)) {
            where += " (" + idColumn + " " + column(idColumn)[row].trim() + ")";
        }
        return where;
    }

    /** @return the column names in file order */
    public List<String> header() {
        return header;
    }

    /** @return the number of data rows */
    public int rowCount() {
        return rows;
    }

    /**
     * @param name a column name
     * @return whether the table has it
     */
    public boolean has(String name) {
        return index.containsKey(name);
    }

    /**
     * @param name a column name
     * @return the column's values (shared, do not modify)
     * @throws IllegalArgumentException when absent
     */
    public String[] column(String name) {
        Integer c = index.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no column \"" + name + "\"; columns are " + header);
        }
        return columns[c];
    }

    /**
     * @param name a column name
     * @return the column, if present
     */
    public Optional<String[]> optionalColumn(String name) {
        Integer c = index.get(name);
        return c == null ? Optional.empty() : Optional.of(columns[c]);
    }

    /**
     * @param rowIndices rows to keep, in the order given
     * @return a new table with those rows
     */
    public Table select(int[] rowIndices) {
        String[][] out = new String[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            String[] column = new String[rowIndices.length];
            for (int i = 0; i < rowIndices.length; i++) {
                column[i] = columns[c][rowIndices[i]];
            }
            out[c] = column;
        }
        return new Table(header, out, origins == null ? null : origins.select(rowIndices));
    }

    /**
     * @param names new column names, none of them in this table
     * @param values one array per new column, of {@link #rowCount()} values
     * @return this table with the columns appended; the rows keep their origins
     */
    public Table withColumns(List<String> names, List<String[]> values) {
        List<String> newHeader = new ArrayList<>(header);
        newHeader.addAll(names);
        String[][] out = Arrays.copyOf(columns, columns.length + values.size());
        for (int i = 0; i < values.size(); i++) {
            out[columns.length + i] = values.get(i);
        }
        return new Table(newHeader, out, origins);
    }

    /**
     * @param other a table with the same header
     * @return this table's rows followed by the other's
     */
    public Table append(Table other) {
        if (!header.equals(other.header)) {
            throw new IllegalArgumentException("cannot append tables with different headers: " + header + " vs " + other.header);
        }
        String[][] out = new String[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            out[c] = Arrays.copyOf(columns[c], rows + other.rows);
            System.arraycopy(other.columns[c], 0, out[c], rows, other.rows);
        }
        RowOrigins joined = origins != null && other.origins != null ? origins.append(other.origins) : null;
        return new Table(header, out, joined);
    }

    /** Builds a table row by row. */
    public static final class Builder {
        private final List<String> header;
        private final List<String[]> rows = new ArrayList<>();
        private final List<Long> lines = new ArrayList<>();
        private final String source;

        /** @param header the column names */
        public Builder(List<String> header) {
            this(header, null);
        }

        /**
         * @param header the column names
         * @param source the name of the file the rows come from, as its user knows it; {@code null}: unknown
         */
        public Builder(List<String> header, String source) {
            this.header = List.copyOf(header);
            this.source = source;
        }

        /**
         * @param row one value per column
         * @param line the line of the source file the row starts on
         * @return this builder
         */
        public Builder add(String[] row, long line) {
            add(row);
            lines.add(line);
            return this;
        }

        /**
         * @param row one value per column
         * @return this builder
         */
        public Builder add(String[] row) {
            if (row.length != header.size()) {
                throw new IllegalArgumentException("row has " + row.length + " fields, header has " + header.size());
            }
            rows.add(row);
            return this;
        }

        /** @return the table */
        public Table build() {
            String[][] columns = new String[header.size()][rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                String[] row = rows.get(r);
                for (int c = 0; c < row.length; c++) {
                    columns[c][r] = row[c];
                }
            }
            RowOrigins origins = source != null && lines.size() == rows.size()
                    ? RowOrigins.of(source, lines.stream().mapToLong(Long::longValue).toArray()) : null;
            return new Table(header, columns, origins);
        }
    }
}
