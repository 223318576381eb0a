package dev.drydock.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A batch of log events and the cursor to read on from.
 *
 * @param events the events after the cursor that was read from, in time order
 * @param next   the cursor after the last event; equal to the one read from when nothing new was found
 */
public record LogPage(List<LogEvent> events, LogCursor next) {
    /** Validates the fields. */
    public LogPage {
        events = List.copyOf(events);
        Objects.requireNonNull(next, "next");
    }
}
