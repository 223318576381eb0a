package dev.drydock.archive;


import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads tar headers and contents: POSIX ustar, PAX extended headers ({@code path}, {@code linkpath}, {@code size},
 * {@code mtime}), GNU long names ('L', 'K') and GNU base-256 numbers, which together cover what GNU tar, bsdtar,
 * Python's {@code tarfile} and drydock write.
 */
final class TarReader {
    private static final int BLOCK = 512;

    private final InputStream in;
    private final ExtractionLimits limits;
    private final byte[] block = new byte[BLOCK];
    private long remaining;
    private long padding;
    private long headers;

    TarReader(InputStream in, ExtractionLimits limits) {
        this.in = in;
        this.limits = limits;
    }

    /** The next entry, or {@code null} at the end-of-archive marker (or the end of the data). */
    TarHeader next() throws IOException {
        skip(remaining + padding);
        remaining = 0;
        padding = 0;
        String paxPath = null;
        String paxLink = null;
        Long paxSize = null;
        Long paxMtime = null;
        String gnuName = null;
        String gnuLink = null;
        while (true) {
            if (!readBlock()) {
                return null;
            }
            if (isZero(block)) {
                return null; // end of archive; what follows (a second zero block, padding) is drained by the caller
            }
            if (++headers > limits.maxEntries() * 2 + 16) {
                throw new UnsafeArchiveException("the archive holds more than " + limits.maxEntries()
                        + " entries (rule: at most maxEntries=" + limits.maxEntries() + ")");
            }
            verifyChecksum();
            char type = (char) (block[156] & 0xff);
            long size = number(124, 12);
            boolean ustar = block[257] == 'u' && block[258] == 's' && block[259] == 't' && block[260] == 'a'
                    && block[261] == 'r' && block[262] == 0;
            String name = string(0, 100);
            if (ustar && block[345] != 0) {
                name = string(345, 155) + "/" + name;
            }
            if (type == TarHeader.PAX || type == TarHeader.PAX_GLOBAL || type == TarHeader.GNU_LONG_NAME
                    || type == TarHeader.GNU_LONG_LINK) {
                if (size < 0 || size > limits.maxHeaderBytes()) {
                    throw new UnsafeArchiveException("the extended header before entry " + quote(name) + " holds "
                            + size + " bytes (rule: at most maxHeaderBytes=" + limits.maxHeaderBytes() + ")");
                }
                byte[] data = readFully((int) size);
                skip(paddingOf(size));
                if (type == TarHeader.GNU_LONG_NAME) {
                    gnuName = cString(data);
                } else if (type == TarHeader.GNU_LONG_LINK) {
                    gnuLink = cString(data);
                } else if (type == TarHeader.PAX) {
                    for (String[] kv : paxRecords(data, name)) {
                        switch (kv[0]) {
                            case "path" -> paxPath = kv[1];
                            case "linkpath" -> paxLink = kv[1];
                            case "size" -> paxSize = parseLong(kv[1], "size", name);
                            case "mtime" -> paxMtime = parseTime(kv[1], name);
                            default -> {
                                // uid, gid, uname, gname, atime, ctime, xattrs: not restored
                            }
                        }
                    }
                }
                continue;
            }
            String finalName = paxPath != null ? paxPath : gnuName != null ? gnuName : name;
            String link = paxLink != null ? paxLink : gnuLink != null ? gnuLink : string(157, 100);
            long finalSize = paxSize != null ? paxSize : size;
            long mtime = paxMtime != null ? paxMtime : number(136, 12);
            int mode = (int) (number(100, 8) & 07777);
            if (type == '\0' || type == TarHeader.CONTIGUOUS) {
                type = finalName.endsWith("/") ? TarHeader.DIRECTORY : TarHeader.FILE;
            }
            if (finalSize < 0) {
                throw new UnsafeArchiveException("entry " + quote(finalName) + " declares a negative size " + finalSize);
            }
            // Whatever the type, the declared bytes follow the header; the extractor counts them against the cap.
            remaining = finalSize;
            padding = paddingOf(finalSize);
            return new TarHeader(finalName, type, mode, finalSize, mtime, link);
        }
    }

    /** Reads up to {@code len} bytes of the current entry's content; -1 at its end. */
    int read(byte[] b, int off, int len) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new EOFException("the archive ends in the middle of an entry: it is truncated");
        }
        remaining -= n;
        return n;
    }

    /** Reads the rest of the data after the end marker, so that gzip's CRC of the whole stream is checked. */
    long drain(long max) throws IOException {
        byte[] b = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(b, 0, b.length)) >= 0) {
            total += n;
            if (total > max) {
                throw new UnsafeArchiveException("the archive holds more than " + max
                        + " bytes after its end-of-archive marker (rule: maxTotalBytes)");
            }
        }
        return total;
    }

    private boolean readBlock() throws IOException {
        int fill = 0;
        while (fill < BLOCK) {
            int n = in.read(block, fill, BLOCK - fill);
            if (n < 0) {
                if (fill == 0) {
                    return false;
                }
                throw new EOFException("the archive ends in the middle of a header: it is truncated");
            }
            fill += n;
        }
        return true;
    }

    private byte[] readFully(int size) throws IOException {
        byte[] data = new byte[size];
        int fill = 0;
        while (fill < size) {
            int n = in.read(data, fill, size - fill);
            if (n < 0) {
                throw new EOFException("the archive ends in the middle of an extended header: it is truncated");
            }
            fill += n;
        }
        return data;
    }

    private void skip(long count) throws IOException {
        byte[] scratch = null;
        while (count > 0) {
            long n = in.skip(count);
            if (n <= 0) {
                if (scratch == null) {
                    scratch = new byte[(int) Math.min(64 * 1024, count)];
                }
                int r = in.read(scratch, 0, (int) Math.min(scratch.length, count));
                if (r < 0) {
                    throw new EOFException("the archive ends in the middle of an entry: it is truncated");
                }
                n = r;
            }
            count -= n;
        }
    }

    private void verifyChecksum() throws IOException {
        long stored = number(148, 8);
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = i >= 148 && i < 156 ? ' ' : block[i];
            unsigned += b & 0xff;
            signed += (byte) b;
        }
        if (stored != unsigned && stored != signed) {
            throw new IOException("the archive is corrupt or not a tar archive: header checksum mismatch near entry "
                    + quote(string(0, 100)));
        }
    }

    /** An octal number (NUL or space terminated), or GNU's base-256 form when the first byte's high bit is set. */
    private long number(int offset, int length) throws IOException {
        if ((block[offset] & 0x80) != 0) {
            long v = block[offset] & 0x3f;
            if ((block[offset] & 0x40) != 0) {
                throw new UnsafeArchiveException("a header holds a negative base-256 number at offset " + offset);
            }
            for (int i = 1; i < length; i++) {
                if (v > (Long.MAX_VALUE >> 8)) {
                    throw new UnsafeArchiveException("a header holds a base-256 number too large at offset " + offset);
                }
                v = v << 8 | (block[offset + i] & 0xff);
            }
            return v;
        }
        long v = 0;
        int i = offset;
        int end = offset + length;
        while (i < end && (block[i] == ' ' || block[i] == 0)) {
            i++;
        }
        for (; i < end; i++) {
            byte c = block[i];
            if (c == 0 || c == ' ') {
                break;
            }
            if (c < '0' || c > '7') {
                throw new IOException("the archive is corrupt or not a tar archive: a header field holds '"
                        + (char) c + "' where an octal digit belongs");
            }
            v = v << 3 | (c - '0');
        }
        return v;
    }

    private String string(int offset, int length) {
        int end = offset;
        while (end < offset + length && block[end] != 0) {
            end++;
        }
        return new String(block, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String cString(byte[] data) {
        int end = 0;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return new String(data, 0, end, StandardCharsets.UTF_8);
    }

    private static java.util.List<String[]> paxRecords(byte[] data, String name) throws IOException {
        java.util.List<String[]> records = new java.util.ArrayList<>();
        int pos = 0;
        while (pos < data.length && data[pos] != 0) {
            int space = pos;
            int length = 0;
            while (space < data.length && data[space] != ' ') {
                byte c = data[space];
                if (c < '0' || c > '9' || length > data.length) {
                    throw new IOException("the PAX header of " + quote(name) + " is corrupt (bad record length)");
                }
                length = length * 10 + (c - '0');
                space++;
            }
            if (length <= 0 || pos + length > data.length || space >= pos + length || data[pos + length - 1] != '\n') {
                throw new IOException("the PAX header of " + quote(name) + " is corrupt (bad record)");
            }
            String record = new String(data, space + 1, pos + length - space - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq <= 0) {
                throw new IOException("the PAX header of " + quote(name) + " is corrupt (record without '=')");
            }
            records.add(new String[] {record.substring(0, eq), record.substring(eq + 1)});
            pos += length;
        }
        return records;
    }

    private static long parseLong(String text, String key, String name) throws IOException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IOException("the PAX header of " + quote(name) + " holds " + key + "=" + text + ", not a number");
        }
    }

    private static long parseTime(String text, String name) throws IOException {
        int dot = text.indexOf('.');
        return parseLong(dot < 0 ? text : text.substring(0, dot), "mtime", name);
    }

    private static long paddingOf(long size) {
        long rest = size % BLOCK;
        return rest == 0 ? 0 : BLOCK - rest;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    static String quote(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }
}
