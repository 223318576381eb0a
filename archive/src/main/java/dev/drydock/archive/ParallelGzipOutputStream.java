package dev.drydock.archive;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip writer that deflates blocks on several threads, as {@code pigz} does, and still writes one single gzip
 * member.
 *
 * <p>Each block is deflated on its own with the previous block's last 32 KiB as preset dictionary and ends with a
 * sync flush (byte aligned, not final); the last block is finished. Concatenated, the blocks form one valid deflate
 * stream, so any gzip reader reads the result, including readers that stop after the first member (the JDK's
 * {@code GZIPInputStream} over a network stream can). The CRC-32 is computed in order on the writing thread.
 */
final class ParallelGzipOutputStream extends OutputStream {
    private static final int WINDOW = 32 * 1024;

    private final OutputStream out;
    private final int level;
    private final int blockSize;
    private final ExecutorService pool;
    private final int maxInFlight;
    private final CRC32 crc = new CRC32();
    private final ArrayDeque<Future<Compressed>> pending = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<byte[]> freeBlocks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<byte[]> freeOutputs = new ConcurrentLinkedQueue<>();
    /** One raw deflater per thread, reused across blocks and streams (they hold native memory). */
    private static final ThreadLocal<Deflater[]> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater[10]);
    private byte[] block;
    private int fill;
    private byte[] dictionary;
    private long total;
    private boolean closed;

    /**
     * @param out         where the gzip bytes go (closed with this stream)
     * @param level       deflate level 0..9
     * @param blockSize   uncompressed bytes per block
     * @param pool        the threads that deflate, or {@code null} to deflate on the caller's thread
     * @param parallelism how many blocks may be deflated at once
     */
    ParallelGzipOutputStream(OutputStream out, int level, int blockSize, ExecutorService pool, int parallelism) throws IOException {
        this.out = out;
        this.level = level;
        this.blockSize = blockSize;
        this.pool = parallelism > 1 ? pool : null;
        this.maxInFlight = Math.max(1, parallelism * 2);
        this.block = new byte[blockSize];
        // Header: no file name and mtime 0, so that equal input gives equal bytes. OS 3 = Unix.
        out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, (byte) (level >= 9 ? 2 : level == 1 ? 4 : 0), 3});
    }

    @Override
    public void write(int b) throws IOException {
        if (fill == blockSize) {
            submit(false);
        }
        block[fill++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (fill == blockSize) {
                submit(false);
            }
            int n = Math.min(len, blockSize - fill);
            System.arraycopy(b, off, block, fill, n);
            fill += n;
            off += n;
            len -= n;
        }
    }

    /**
     * Copies exactly {@code count} bytes from {@code channel} straight into the blocks (no intermediate buffer).
     *
     * @return the bytes copied, less than {@code count} only when the channel ended early
     */
    long writeFrom(ReadableByteChannel channel, long count) throws IOException {
        long copied = 0;
        while (copied < count) {
            if (fill == blockSize) {
                submit(false);
            }
            int want = (int) Math.min(count - copied, blockSize - fill);
            int n = channel.read(ByteBuffer.wrap(block, fill, want));
            if (n < 0) {
                return copied;
            }
            fill += n;
            copied += n;
        }
        return copied;
    }

    private void submit(boolean last) throws IOException {
        byte[] data = block;
        int length = fill;
        crc.update(data, 0, length);
        total += length;
        byte[] dict = dictionary;
        dictionary = tail(dict, data, length);
        byte[] next = freeBlocks.poll();
        block = next != null ? next : new byte[blockSize];
        fill = 0;
        if (pool == null) {
            writeOut(compress(data, length, dict, last));
            return;
        }
        pending.add(pool.submit(() -> compress(data, length, dict, last)));
        while (pending.size() > maxInFlight) {
            writeOut(await(pending.poll()));
        }
    }

    /** The last 32 KiB of what was written so far: the next block's dictionary. */
    private static byte[] tail(byte[] previous, byte[] data, int length) {
        if (length >= WINDOW) {
            byte[] t = new byte[WINDOW];
            System.arraycopy(data, length - WINDOW, t, 0, WINDOW);
            return t;
        }
        int keep = previous == null ? 0 : Math.min(previous.length, WINDOW - length);
        byte[] t = new byte[keep + length];
        if (keep > 0) {
            System.arraycopy(previous, previous.length - keep, t, 0, keep);
        }
        System.arraycopy(data, 0, t, keep, length);
        return t;
    }

    private Compressed compress(byte[] data, int length, byte[] dict, boolean last) {
        Deflater[] byLevel = DEFLATERS.get();
        Deflater d = byLevel[level];
        if (d == null) {
            d = new Deflater(level, true);
            byLevel[level] = d;
        } else {
            d.reset();
        }
        if (dict != null && dict.length > 0) {
            d.setDictionary(dict);
        }
        d.setInput(data, 0, length);
        if (last) {
            d.finish();
        }
        byte[] buf = freeOutputs.poll();
        if (buf == null || buf.length < length / 2 + 1024) {
            buf = new byte[length + length / 8 + 1024];
        }
        int pos = 0;
        while (true) {
            if (pos == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            int space = buf.length - pos;
            int n = d.deflate(buf, pos, space, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
            pos += n;
            if (last ? d.finished() : n < space && d.needsInput()) {
                break;
            }
        }
        freeBlocks.offer(data);
        return new Compressed(buf, pos);
    }

    private void writeOut(Compressed c) throws IOException {
        out.write(c.bytes, 0, c.length);
        freeOutputs.offer(c.bytes);
    }

    private static Compressed await(Future<Compressed> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing");
        } catch (ExecutionException e) {
            throw new IOException("compressing a block failed: " + e.getCause(), e.getCause());
        }
    }

    /** Writes the last block, the trailer, and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            submit(true);
            while (!pending.isEmpty()) {
                writeOut(await(pending.poll()));
            }
            long c = crc.getValue();
            out.write(new byte[] {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24),
                    (byte) total, (byte) (total >>> 8), (byte) (total >>> 16), (byte) (total >>> 24)});
        } finally {
            for (Future<Compressed> f : pending) {
                f.cancel(true);
            }
            out.close();
        }
    }

    /** Discards what is pending without writing a trailer (the archive is abandoned). */
    void abandon() {
        closed = true;
        for (Future<Compressed> f : pending) {
            f.cancel(true);
        }
        pending.clear();
        try {
            out.close();
        } catch (IOException ignored) {
            // the partial archive is deleted by the caller
        }
    }

    private record Compressed(byte[] bytes, int length) {
    }
}
