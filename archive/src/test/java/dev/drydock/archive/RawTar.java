package dev.drydock.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Writes tar archives byte by byte, including entries no honest packer writes, for hostile-archive tests. */
final class RawTar {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    RawTar file(String name, String content) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        header(name, '0', 0644, data.length, "");
        data(data);
        return this;
    }

    RawTar directory(String name) {
        header(name, '5', 0755, 0, "");
        return this;
    }

    RawTar symlink(String name, String target) {
        header(name, '2', 0777, 0, target);
        return this;
    }

    RawTar hardLink(String name, String target) {
        header(name, '1', 0644, 0, target);
        return this;
    }

    RawTar entry(String name, char type, long size, String link) {
        header(name, type, 0644, size, link);
        return this;
    }

    RawTar pax(String name, String records) {
        byte[] data = records.getBytes(StandardCharsets.UTF_8);
        header("PaxHeader/x", 'x', 0644, data.length, "");
        data(data);
        return this;
    }

    RawTar data(byte[] data) {
        out.writeBytes(data);
        int rest = data.length % 512;
        if (rest != 0) {
            out.writeBytes(new byte[512 - rest]);
        }
        return this;
    }

    /** The archive with its end marker, gzip-compressed. */
    byte[] gzipped() {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(gz)) {
            o.write(out.toByteArray());
            o.write(new byte[1024]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return gz.toByteArray();
    }

    Path writeTo(Path file) throws IOException {
        Files.write(file, gzipped());
        return file;
    }

    private void header(String name, char type, int mode, long size, String link) {
        byte[] h = new byte[512];
        put(h, 0, 100, name);
        put(h, 100, 8, octal(mode, 7));
        put(h, 108, 8, octal(0, 7));
        put(h, 116, 8, octal(0, 7));
        put(h, 124, 12, octal(size, 11));
        put(h, 136, 12, octal(1_700_000_000L, 11));
        Arrays.fill(h, 148, 156, (byte) ' ');
        h[156] = (byte) type;
        put(h, 157, 100, link);
        put(h, 257, 8, "ustar\0" + "00");
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, 8, octal(sum, 6) + "\0 ");
        out.writeBytes(h);
    }

    private static String octal(long v, int digits) {
        String s = Long.toOctalString(v);
        return "0".repeat(Math.max(0, digits - s.length())) + s;
    }

    private static void put(byte[] h, int off, int len, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, off, Math.min(len, b.length));
    }
}
