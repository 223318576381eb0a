package dev.drydock.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads its source on a background thread into a few chunks ahead of the consumer, so that decompressing and
 * writing files overlap (as {@code gzip -d | tar x} overlap in two processes).
 */
final class ReadAheadInputStream extends InputStream {
    private static final byte[] END = new byte[0];

    private final BlockingQueue<Object> chunks;
    private final Thread reader;
    private volatile boolean closed;
    private byte[] current = new byte[0];
    private int currentLength;
    private int pos;
    private boolean ended;

    ReadAheadInputStream(InputStream source, int chunkSize, int chunksAhead, String threadName) {
        this.chunks = new ArrayBlockingQueue<>(chunksAhead);
        this.reader = new Thread(() -> pump(source, chunkSize), threadName);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    private void pump(InputStream source, int chunkSize) {
        try (source) {
            while (!closed) {
                byte[] chunk = new byte[chunkSize];
                int fill = 0;
                while (fill < chunkSize) {
                    int n = source.read(chunk, fill, chunkSize - fill);
                    if (n < 0) {
                        break;
                    }
                    fill += n;
                }
                if (fill > 0) {
                    put(new Chunk(chunk, fill));
                }
                if (fill < chunkSize) {
                    put(END);
                    return;
                }
            }
        } catch (Throwable e) {
            try {
                put(e);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void put(Object item) throws InterruptedException {
        while (!closed) {
            if (chunks.offer(item, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    @Override
    public int read() throws IOException {
        if (!ensure()) {
            return -1;
        }
        return current[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!ensure()) {
            return -1;
        }
        int n = Math.min(len, currentLength - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean ensure() throws IOException {
        while (pos == currentLength) {
            if (ended) {
                return false;
            }
            Object item;
            try {
                item = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the archive");
            }
            if (item == END) {
                ended = true;
                return false;
            }
            if (item instanceof Chunk c) {
                current = c.bytes;
                currentLength = c.length;
                pos = 0;
            } else if (item instanceof IOException e) {
                ended = true;
                throw new IOException(e.getMessage(), e);
            } else if (item instanceof RuntimeException e) {
                ended = true;
                throw e;
            } else {
                ended = true;
                throw new IOException("reading the archive failed: " + item, (Throwable) item);
            }
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
        chunks.clear();
        reader.interrupt();
    }

    private record Chunk(byte[] bytes, int length) {
    }
}
