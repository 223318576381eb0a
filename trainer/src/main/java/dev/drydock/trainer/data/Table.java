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

    /**
     * @param header the column names, unique
     * @param columns one array per column, all of the same length
     */
    public Table(List<String> header, String[][] columns) {
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
        return new Table(header, out);
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
        return new Table(header, out);
    }

    /** Builds a table row by row. */
    public static final class Builder {
        private final List<String> header;
        private final List<String[]> rows = new ArrayList<>();

        /** @param header the column names */
        public Builder(List<String> header) {
            this.header = List.copyOf(header);
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
            return new Table(header, columns);
        }
    }
}
