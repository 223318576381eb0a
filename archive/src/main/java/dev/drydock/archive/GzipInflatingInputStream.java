package dev.drydock.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads gzip data of one or more members (as {@code gunzip} does) and checks every member's CRC-32 and length.
 *
 * <p>Unlike the JDK's {@code GZIPInputStream}, it does not rely on {@code available()} to find a following
 * member, so a multi-member file read from a network stream is never cut short.
 */
final class GzipInflatingInputStream extends InputStream {
    private final InputStream in;
    private final byte[] buf = new byte[128 * 1024];
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private int pos;
    private int lim;
    private boolean inMember;
    private boolean ended;
    private long memberBytes;
    private int members;

    GzipInflatingInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (ended) {
                return -1;
            }
            if (!inMember) {
                if (!readHeader()) {
                    ended = true;
                    return -1;
                }
                inMember = true;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new IOException("the gzip data is corrupt: " + e.getMessage(), e);
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberBytes += n;
                return n;
            }
            if (inflater.finished()) {
                pos = lim - inflater.getRemaining();
                readTrailer();
                inMember = false;
                continue;
            }
            if (inflater.needsDictionary()) {
                throw new IOException("the gzip data is corrupt: it asks for a preset dictionary");
            }
            if (inflater.needsInput()) {
                if (!fill()) {
                    throw new EOFException("the gzip data ends early: the archive is truncated");
                }
                inflater.setInput(buf, pos, lim - pos);
                pos = lim;
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            if (n == 0) {
                throw new IOException("the underlying stream returned 0 bytes");
            }
            return false;
        }
        pos = 0;
        lim = n;
        return true;
    }

    /** The next byte of the compressed stream, or -1 at its end. */
    private int next() throws IOException {
        if (pos == lim && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    private int need() throws IOException {
        int c = next();
        if (c < 0) {
            throw new EOFException("the gzip data ends early: the archive is truncated");
        }
        return c;
    }

    /** Reads a member header; false at the end of the input (or on trailing zero padding after a member). */
    private boolean readHeader() throws IOException {
        int id1 = next();
        if (id1 < 0) {
            if (members == 0) {
                throw new EOFException("the archive is empty: it is not gzip data");
            }
            return false;
        }
        int id2 = need();
        if (id1 != 0x1f || id2 != 0x8b) {
            if (members > 0) {
                return false; // trailing garbage after a complete member: gzip ignores it too
            }
            throw new IOException("the archive is not gzip data (it starts with 0x"
                    + Integer.toHexString(id1) + Integer.toHexString(id2) + ", not 0x1f8b)");
        }
        if (need() != 8) {
            throw new IOException("the gzip data uses an unknown compression method (only deflate exists)");
        }
        int flags = need();
        for (int i = 0; i < 6; i++) {
            need(); // mtime, extra flags, OS
        }
        if ((flags & 4) != 0) {
            int xlen = need() | need() << 8;
            for (int i = 0; i < xlen; i++) {
                need();
            }
        }
        if ((flags & 8) != 0) {
            while (need() != 0) {
                // file name
            }
        }
        if ((flags & 16) != 0) {
            while (need() != 0) {
                // comment
            }
        }
        if ((flags & 2) != 0) {
            need();
            need();
        }
        inflater.reset();
        crc.reset();
        memberBytes = 0;
        if (pos < lim) {
            inflater.setInput(buf, pos, lim - pos);
            pos = lim;
        }
        return true;
    }

    private void readTrailer() throws IOException {
        long expectedCrc = 0;
        for (int i = 0; i < 4; i++) {
            expectedCrc |= (long) need() << (8 * i);
        }
        long expectedSize = 0;
        for (int i = 0; i < 4; i++) {
            expectedSize |= (long) need() << (8 * i);
        }
        if (expectedCrc != crc.getValue()) {
            throw new IOException("the gzip data is corrupt: CRC-32 mismatch");
        }
        if (expectedSize != (memberBytes & 0xffffffffL)) {
            throw new IOException("the gzip data is corrupt: length mismatch");
        }
        members++;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
