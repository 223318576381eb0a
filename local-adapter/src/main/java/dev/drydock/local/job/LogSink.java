package dev.drydock.local.job;

/** Where a launcher hands each line a host writes; thread-safe. */
@FunctionalInterface
public interface LogSink {

    /** Records one line of {@code host}'s output, without its line break. */
    void line(String host, String message);
}
