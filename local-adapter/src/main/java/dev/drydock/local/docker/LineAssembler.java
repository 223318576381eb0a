package dev.drydock.local.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Cuts a byte stream that arrives in arbitrary frames into lines (a frame may end mid-line or hold many lines). */
final class LineAssembler {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Consumer<String> lines;

    LineAssembler(Consumer<String> lines) {
        this.lines = lines;
    }

    synchronized void accept(byte[] bytes) {
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                pending.write(bytes, start, i - start);
                emit();
                start = i + 1;
            }
        }
        pending.write(bytes, start, bytes.length - start);
    }

    /** Emits the last line when the stream ended without a line break. */
    synchronized void flush() {
        if (pending.size() > 0) {
            emit();
        }
    }

    private void emit() {
        String line = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
}
