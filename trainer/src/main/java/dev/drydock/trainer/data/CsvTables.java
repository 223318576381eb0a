package dev.drydock.trainer.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.drydock.contract.TrainingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** Reads CSV files with a header line into {@link Table}s, with FastCSV. */
public final class CsvTables {
    /** FastCSV's bound on one field: a longer one (often an unclosed quote) fails the read. */
    private static final int MAX_FIELD_BYTES = 16 << 20;

    private CsvTables() {
    }

    /**
     * @param file a CSV file whose first line is the header
     * @return its rows
     * @throws TrainingException when the file is empty, has only a header, or a row has the wrong field count
     */
    public static Table read(Path file) {
        return read(file, SourceNames.NONE);
    }

    /**
     * @param staged a CSV file whose first line is the header
     * @param names how to name it in messages and row origins (the user's own path when known)
     * @return its rows, each with the line it was read from
     * @throws TrainingException when the file is empty, has only a header, or a row has the wrong field count
     */
    public static Table read(Path staged, SourceNames names) {
        Table[] whole = new Table[1];
        readChunks(staged, names, Integer.MAX_VALUE, chunk -> whole[0] = chunk);
        return whole[0];
    }

    /** Receives the rows of a file a chunk at a time. */
    public interface ChunkConsumer {
        /**
         * @param chunk the next rows, in file order, each with the line it was read from
         * @throws IOException when the consumer fails to write what it made of them
         */
        void accept(Table chunk) throws IOException;
    }

    /**
     * Reads a CSV file in chunks of at most {@code chunkRows} rows, so that a file of any size is read in bounded
     * memory; the checks and messages are {@link #read}'s.
     *
     * @param staged a CSV file whose first line is the header
     * @param names how to name it in messages and row origins
     * @param chunkRows the most rows a chunk holds, at least 1
     * @param consumer receives every chunk; at least one, unless the file fails a check
     * @return the number of rows read
     * @throws TrainingException when the file is empty, has only a header, or a row has the wrong field count
     * @throws IOException when the consumer fails (reading problems are {@link TrainingException}s)
     */
    public static long forEachChunk(Path staged, SourceNames names, int chunkRows, ChunkConsumer consumer)
            throws IOException {
        try {
            return readChunks(staged, names, chunkRows, chunk -> {
                try {
                    consumer.accept(chunk);
                } catch (IOException e) {
                    throw new ConsumerFailure(e);
                }
            });
        } catch (ConsumerFailure e) {
            throw e.getCause();
        }
    }

    /** Carries a consumer's failure past the reader's own error translation. */
    private static final class ConsumerFailure extends RuntimeException {
        ConsumerFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private static long readChunks(Path staged, SourceNames names, int chunkRows,
            java.util.function.Consumer<Table> consumer) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be at least 1, got " + chunkRows);
        }
        String file = names.nameOf(staged);
        if (Files.isDirectory(staged)) {
            throw new TrainingException("CSV file " + file + " is a folder: give the path of a .csv file in it");
        }
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).detectBomHeader(true)
                .ofCsvRecord(staged)) {
            Iterator<CsvRecord> it = reader.iterator();
            if (!it.hasNext()) {
                throw new TrainingException("CSV file " + file + " is empty: expected a header line and data rows");
            }
            List<String> header = it.next().getFields().stream().map(String::trim).toList();
            if (header.size() == 1 && header.get(0).indexOf(';') > 0) {
                throw new TrainingException("CSV file " + file + " has one column \"" + header.get(0).substring(0,
                        Math.min(60, header.get(0).length())) + "...\" in its header: it looks separated by ';'."
                        + " drydock reads comma-separated CSV: save it with ',' as the delimiter");
            }
            long total = 0;
            int inChunk = 0;
            Table.Builder builder = new Table.Builder(header, file);
            while (it.hasNext()) {
                CsvRecord record = it.next();
                if (record.getFieldCount() != header.size()) {
                    throw new TrainingException("CSV file " + file + " line " + record.getStartingLineNumber()
                            + " has " + record.getFieldCount() + " fields, the header has " + header.size());
                }
                builder.add(record.getFields().toArray(String[]::new), record.getStartingLineNumber());
                total++;
                if (++inChunk == chunkRows) {
                    consumer.accept(build(builder, file));
                    builder = new Table.Builder(header, file);
                    inChunk = 0;
                }
            }
            if (total == 0) {
                throw new TrainingException("CSV file " + file + " has a header but no data rows");
            }
            if (inChunk > 0) {
                consumer.accept(build(builder, file));
            }
            return total;
        } catch (IOException e) {
            throw new TrainingException("cannot read CSV file " + file + ": " + reason(e), e);
        } catch (CsvParseException e) {
            throw new TrainingException("CSV file " + file + " " + parseProblem(e), e);
        } catch (UncheckedIOException e) {
            throw new TrainingException("cannot read CSV file " + file + ": " + reason(e.getCause()), e);
        }
    }

    private static Table build(Table.Builder builder, String file) {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new TrainingException("CSV file " + file + ": " + e.getMessage(), e);
        }
    }

    /** What FastCSV could not parse, in words: its own message names neither the limit nor the likely cause. */
    private static String parseProblem(CsvParseException e) {
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("line (\\d+)").matcher(String.valueOf(e.getMessage()));
        String where = line.find() ? "line " + line.group(1) : "a record";
        String cause = e.getCause() == null ? "" : String.valueOf(e.getCause().getMessage());
        if (cause.contains("buffer size")) {
            return where + " has a field longer than " + (MAX_FIELD_BYTES >> 20) + " MiB, the most one field may hold (a"
                    + " quote opened and never closed?): check that line, or split the value";
        }
        return where + " is not valid CSV (" + (cause.isEmpty() ? e.getMessage() : cause) + "): check that line";
    }

    /** What went wrong with a file, in words: the JDK's own messages are often just the path. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "it does not exist (check the path)";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied (check its permissions)";
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.contains("No space left on device") ? "the disk is full (free space and run again)" : m;
    }

    /**
     * Reads every {@code *.csv} file of a folder (sorted by name, searched recursively) as one table: a channel may
     * be split into several files.
     *
     * @param folder a channel folder
     * @return the rows of all its CSV files
     * @throws TrainingException when it holds no CSV file or the files disagree on the header
     */
    public static Table readFolder(Path folder) {
        return readFolder(folder, SourceNames.NONE);
    }

    /**
     * @param folder a channel folder
     * @param names how to name its files in messages (the user's own paths when known)
     * @return the rows of all its CSV files
     * @throws TrainingException when it holds no CSV file or the files disagree on the header
     */
    public static Table readFolder(Path folder, SourceNames names) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new TrainingException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new TrainingException("no .csv file in " + folder + ": put the data there as CSV with a header line");
        }
        Table table = read(files.get(0), names);
        for (Path file : files.subList(1, files.size())) {
            Table next = read(file, names);
            if (!next.header().equals(table.header())) {
                throw new TrainingException("CSV file " + names.nameOf(file) + " has a different header than "
                        + names.nameOf(files.get(0)));
            }
            table = table.append(next);
        }
        return table;
    }
}
