package dev.drydock.local.job;

import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.model.LogCursor;
import dev.drydock.core.model.LogEvent;
import dev.drydock.core.model.LogPage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A job's log file: one line per event, {@code <ISO-8601 instant> TAB <host> TAB <message>}, appended as the hosts
 * write and flushed line by line, so that a reader in any process sees each line as soon as it is written.
 *
 * <p>A {@link LogCursor}'s token is the byte offset after the last complete line read, so reading resumes without
 * gaps or duplicates in this or another process; a line still being written is left for the next read.
 */
public final class JobLog implements LogSink, AutoCloseable {
    /** The most bytes one {@link #read} returns, so that a huge log is paged. */
    static final int MAX_PAGE_BYTES = 1 << 20;

    private final Path file;
    private final OutputStream out;
    private final Consumer<String> listener;
    private boolean closed;
    /** Lines that could not be written (a full disk), reported by the next line that can. */
    private long lost;
    private String lostReason;

    private JobLog(Path file, OutputStream out, Consumer<String> listener) {
        this.file = file;
        this.out = out;
        this.listener = listener;
    }

    /** Opens {@code file} for appending; {@code listener} sees every message (for metrics). */
    public static JobLog openForAppend(Path file, Consumer<String> listener) {
        try {
            // Unbuffered: each line is one write anyway, and a write that fails on a full disk leaves nothing queued
            // to be written twice later.
            OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            return new JobLog(file, out, listener);
        } catch (IOException e) {
            throw new StorageIoException("could not open the job log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void line(String host, String message) {
        // Control characters that would break the line format are replaced; tabs in the message are kept (the
        // reader splits on the first two tabs only).
        String clean = message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0
                ? message.replace('\n', ' ').replace('\r', ' ') : message;
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                if (lost > 0) {
                    out.write((Instant.now() + "\t" + host + "\tdrydock: " + lost + " log lines were lost: " + lostReason
                            + "\n").getBytes(StandardCharsets.UTF_8));
                    lost = 0;
                }
                out.write((Instant.now() + "\t" + host + "\t" + clean + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                // A full disk must not stop the job (the host's output pipe would fill and block it): the line is
                // dropped, counted and reported once writing works again; metrics still see it below.
                lost++;
                lostReason = "writing " + file + " failed: " + dev.drydock.archive.DiskSpace.reason(e);
            }
        }
        listener.accept(clean);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                out.close();
            } catch (IOException e) {
                // The lines already written were flushed one by one; nothing is lost by a failed close.
            }
        }
    }

    /** The lines of {@code file} after {@code cursor}, at most about {@value #MAX_PAGE_BYTES} bytes of them. */
    public static LogPage read(Path file, LogCursor cursor) {
        long offset = offsetOf(cursor);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (offset >= size) {
                return new LogPage(List.of(), cursor);
            }
            int length = (int) Math.min(MAX_PAGE_BYTES, size - offset);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
                // read until full or end of file
            }
            byte[] bytes = buffer.array();
            int filled = buffer.position();
            List<LogEvent> events = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < filled; i++) {
                if (bytes[i] == '\n') {
                    parse(new String(bytes, start, i - start, StandardCharsets.UTF_8)).ifPresent(events::add);
                    start = i + 1;
                }
            }
            if (start == 0 && filled == MAX_PAGE_BYTES) {
                // One line longer than a page: return it cut, rather than never moving on.
                events.add(new LogEvent(Instant.now(), "?", new String(bytes, 0, filled, StandardCharsets.UTF_8)));
                start = filled;
            }
            return new LogPage(events, start == 0 ? cursor : new LogCursor(Long.toString(offset + start)));
        } catch (NoSuchFileException e) {
            return new LogPage(List.of(), cursor);
        } catch (IOException e) {
            throw new StorageIoException("could not read the job log " + file + ": " + e.getMessage(), e);
        }
    }

    private static java.util.Optional<LogEvent> parse(String line) {
        int first = line.indexOf('\t');
        int second = first < 0 ? -1 : line.indexOf('\t', first + 1);
        if (second < 0) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new LogEvent(Instant.parse(line.substring(0, first)),
                    line.substring(first + 1, second), line.substring(second + 1)));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static long offsetOf(LogCursor cursor) {
        if (cursor.isStart()) {
            return 0;
        }
        try {
            long offset = Long.parseLong(cursor.token());
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidInputException.of("cursor", cursor.token(), "must be a cursor returned by readLogs of a local backend"
                + " (a byte offset), or LogCursor.START");
    }
}
