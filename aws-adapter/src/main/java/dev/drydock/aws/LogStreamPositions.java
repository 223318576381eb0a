package dev.drydock.aws;

import dev.drydock.core.model.LogCursor;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a reader got to in each CloudWatch Logs stream of a job: the stream's name and the {@code nextForwardToken}
 * after the last event read. Encoded in a {@link LogCursor} token (URL-safe Base64 of {@code name NUL token} lines),
 * so that a reader in another process resumes each stream exactly where this one stopped.
 */
final class LogStreamPositions {
    private static final String VERSION = "cwl1.";
    private final TreeMap<String, String> tokens;

    private LogStreamPositions(Map<String, String> tokens) {
        this.tokens = new TreeMap<>(tokens);
    }

    /** No stream read yet. */
    static LogStreamPositions empty() {
        return new LogStreamPositions(Map.of());
    }

    /** The positions a cursor encodes; the start cursor has none. */
    static LogStreamPositions decode(LogCursor cursor) {
        if (cursor == null || cursor.isStart()) {
            return empty();
        }
        String token = cursor.token();
        if (!token.startsWith(VERSION)) {
            throw dev.drydock.core.error.InvalidInputException.of("logCursor", abbreviate(token),
                    "must be a cursor returned by the SageMaker backend's readLogs (or LogCursor.START)");
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token.substring(VERSION.length())), StandardCharsets.UTF_8);
            Map<String, String> tokens = new TreeMap<>();
            for (String line : text.split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                int sep = line.indexOf('\0');
                tokens.put(line.substring(0, sep), line.substring(sep + 1));
            }
            return new LogStreamPositions(tokens);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw dev.drydock.core.error.InvalidInputException.of("logCursor", abbreviate(token),
                    "is damaged: use a cursor exactly as readLogs returned it");
        }
    }

    /** The forward token of {@code stream}, or {@code null} when it was not read yet. */
    String token(String stream) {
        return tokens.get(stream);
    }

    /** These positions with {@code stream} at {@code token}. */
    LogStreamPositions with(String stream, String token) {
        TreeMap<String, String> next = new TreeMap<>(tokens);
        next.put(stream, token);
        return new LogStreamPositions(next);
    }

    /** The streams and their tokens. */
    Map<String, String> asMap() {
        return Collections.unmodifiableMap(tokens);
    }

    /** The cursor that encodes these positions. */
    LogCursor encode() {
        if (tokens.isEmpty()) {
            return LogCursor.START;
        }
        StringBuilder s = new StringBuilder();
        tokens.forEach((stream, token) -> s.append(stream).append('\0').append(token).append('\n'));
        return new LogCursor(VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(s.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
