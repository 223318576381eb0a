package dev.drydock.archive;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Writes POSIX ustar headers, with PAX extended headers for what ustar cannot hold (names over 100 bytes or not
 * ASCII, sizes of 8 GiB and more, negative times). Owners are written as 0 with empty names so that the same
 * folder always packs to the same bytes.
 */
final class TarWriter {
    private static final int BLOCK = 512;
    private static final long MAX_OCTAL_11 = 077777777777L;
    private static final byte[] ZEROS = new byte[BLOCK * 2];

    private final ParallelGzipOutputStream out;
    private final byte[] header = new byte[BLOCK];

    TarWriter(ParallelGzipOutputStream out) {
        this.out = out;
    }

    void directory(String name, int mode, long mtime) throws IOException {
        entry(name.endsWith("/") ? name : name + "/", TarHeader.DIRECTORY, mode, 0, mtime, "");
    }

    void symlink(String name, String target, int mode, long mtime) throws IOException {
        entry(name, TarHeader.SYMLINK, mode, 0, mtime, target);
    }

    void file(String name, int mode, long mtime, long size, Path source) throws IOException {
        entry(name, TarHeader.FILE, mode, size, mtime, "");
        try (FileChannel ch = FileChannel.open(source, StandardOpenOption.READ)) {
            long copied = out.writeFrom(ch, size);
            if (copied != size) {
                throw new IOException(source + " shrank from " + size + " to " + copied + " bytes while it was packed;"
                        + " pack a folder that no process is writing to");
            }
        }
        pad(size);
    }

    /** Writes the end-of-archive marker (two zero blocks). */
    void finish() throws IOException {
        out.write(ZEROS, 0, ZEROS.length);
    }

    private void entry(String name, char type, int mode, long size, long mtime, String link) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] linkBytes = link.getBytes(StandardCharsets.UTF_8);
        StringBuilder pax = new StringBuilder();
        boolean longName = nameBytes.length > 100 || !isAscii(nameBytes);
        if (longName) {
            paxRecord(pax, "path", name);
        }
        if (linkBytes.length > 100 || !isAscii(linkBytes)) {
            paxRecord(pax, "linkpath", link);
        }
        boolean bigSize = size > MAX_OCTAL_11;
        if (bigSize) {
            paxRecord(pax, "size", Long.toString(size));
        }
        boolean oddTime = mtime < 0 || mtime > MAX_OCTAL_11;
        if (oddTime) {
            paxRecord(pax, "mtime", Long.toString(mtime));
        }
        if (pax.length() > 0) {
            byte[] data = pax.toString().getBytes(StandardCharsets.UTF_8);
            String paxName = "PaxHeader/" + asciiPrefix(name, 90);
            header(paxName.getBytes(StandardCharsets.US_ASCII), TarHeader.PAX, 0644, data.length, 0, new byte[0]);
            out.write(data, 0, data.length);
            pad(data.length);
        }
        header(longName ? asciiPrefix(name, 100).getBytes(StandardCharsets.US_ASCII) : nameBytes, type, mode,
                bigSize ? 0 : size, oddTime ? 0 : mtime, linkBytes.length > 100 ? Arrays.copyOf(linkBytes, 100) : linkBytes);
    }

    private void header(byte[] name, char type, int mode, long size, long mtime, byte[] link) throws IOException {
        Arrays.fill(header, (byte) 0);
        System.arraycopy(name, 0, header, 0, Math.min(100, name.length));
        octal(mode & 07777, 100, 8);
        octal(0, 108, 8);
        octal(0, 116, 8);
        octal(size, 124, 12);
        octal(mtime, 136, 12);
        Arrays.fill(header, 148, 156, (byte) ' ');
        header[156] = (byte) type;
        System.arraycopy(link, 0, header, 157, Math.min(100, link.length));
        byte[] magic = {'u', 's', 't', 'a', 'r', 0, '0', '0'};
        System.arraycopy(magic, 0, header, 257, magic.length);
        octal(0, 329, 8);
        octal(0, 337, 8);
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        String chk = String.format("%06o", sum);
        for (int i = 0; i < 6; i++) {
            header[148 + i] = (byte) chk.charAt(i);
        }
        header[154] = 0;
        header[155] = ' ';
        out.write(header, 0, BLOCK);
    }

    /** An octal number of width-1 digits and a NUL, as ustar wants. */
    private void octal(long value, int offset, int width) {
        String s = Long.toOctalString(value);
        int digits = width - 1;
        int start = offset + digits - s.length();
        Arrays.fill(header, offset, start, (byte) '0');
        for (int i = 0; i < s.length(); i++) {
            header[start + i] = (byte) s.charAt(i);
        }
        header[offset + digits] = 0;
    }

    private void pad(long size) throws IOException {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            out.write(ZEROS, 0, BLOCK - rest);
        }
    }

    /** Appends one PAX record: "{length} {key}={value}\n", where length counts the whole record. */
    private static void paxRecord(StringBuilder pax, String key, String value) {
        int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
        int length = body + Integer.toString(body).length();
        if (Integer.toString(length).length() != Integer.toString(body).length()) {
            length++;
        }
        pax.append(length).append(' ').append(key).append('=').append(value).append('\n');
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 && b != 0 || b < 0) {
                return false;
            }
        }
        return true;
    }

    /** A printable ASCII stand-in for the legacy name field of a PAX-described entry. */
    private static String asciiPrefix(String name, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < name.length() && s.length() < max; i++) {
            char c = name.charAt(i);
            s.append(c >= 0x20 && c < 0x7f ? c : '_');
        }
        return s.toString();
    }
}
