package dev.drydock.trainer.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each row of a {@link Table} was read: a file (by the name its user knows it) and the line it starts on.
 * Kept through selections and appends so that an error about a row names the line in the user's file, not a
 * position after a split or shuffle.
 */
public final class RowOrigins {
    private final List<String> files;
    private final int[] fileOf;
    private final long[] lineOf;

    private RowOrigins(List<String> files, int[] fileOf, long[] lineOf) {
        this.files = List.copyOf(files);
        this.fileOf = fileOf;
        this.lineOf = lineOf;
    }

    /**
     * @param file the file's name as its user knows it
     * @param lines the line each row starts on
     * @return the origins of rows read from one file
     */
    public static RowOrigins of(String file, long[] lines) {
        return new RowOrigins(List.of(file), new int[lines.length], lines.clone());
    }

    /** @return the number of rows */
    public int size() {
        return lineOf.length;
    }

    /**
     * @param row a row
     * @return {@code line L of FILE}
     */
    public String describe(int row) {
        return "line " + lineOf[row] + " of " + files.get(fileOf[row]);
    }

    /**
     * @param row a row
     * @return the line it starts on
     */
    public long line(int row) {
        return lineOf[row];
    }

    RowOrigins select(int[] rows) {
        int[] f = new int[rows.length];
        long[] l = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            f[i] = fileOf[rows[i]];
            l[i] = lineOf[rows[i]];
        }
        return new RowOrigins(files, f, l);
    }

    RowOrigins append(RowOrigins other) {
        List<String> joined = new ArrayList<>(files);
        joined.addAll(other.files);
        int[] f = Arrays.copyOf(fileOf, fileOf.length + other.fileOf.length);
        for (int i = 0; i < other.fileOf.length; i++) {
            f[fileOf.length + i] = other.fileOf[i] + files.size();
        }
        long[] l = Arrays.copyOf(lineOf, lineOf.length + other.lineOf.length);
        System.arraycopy(other.lineOf, 0, l, lineOf.length, other.lineOf.length);
        return new RowOrigins(joined, f, l);
    }
}
