package dev.drydock.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Builds {@code .tar.gz} archives byte by byte for tests, including hostile ones a safe writer refuses to produce
 * ({@code ../evil}, {@code /etc/x}, a symlink to {@code /etc/passwd} and a file written through it, a hard link,
 * an oversized entry), and reads archives back for assertions.
 *
 * <p>It writes raw ustar headers itself (JDK only) so that nothing sanitises the entries on the way. The reader is
 * for trusted test data only: it does not check paths; use the code under test to extract untrusted archives.
 */
public final class TarGzFixtures {
    private static final int BLOCK = 512;

    private final List<byte[]> blocks = new ArrayList<>();

    private TarGzFixtures() {
    }

    /** An empty archive to add entries to. */
    public static TarGzFixtures archive() {
        return new TarGzFixtures();
    }

    /** Adds a regular file {@code name} holding {@code content}. */
    public TarGzFixtures file(String name, byte[] content) {
        return entry(name, '0', content, "", 0644);
    }

    /** Adds a regular file {@code name} holding {@code content} in UTF-8. */
    public TarGzFixtures file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a folder entry ({@code name} should end in '/'). */
    public TarGzFixtures directory(String name) {
        return entry(name.endsWith("/") ? name : name + "/", '5', new byte[0], "", 0755);
    }

    /** Adds a symbolic link {@code name} pointing at {@code target}. */
    public TarGzFixtures symlink(String name, String target) {
        return entry(name, '2', new byte[0], target, 0777);
    }

    /** Adds a hard link {@code name} to {@code target}. */
    public TarGzFixtures hardLink(String name, String target) {
        return entry(name, '1', new byte[0], target, 0644);
    }

    /**
     * Adds a file entry whose header claims {@code declaredSize} bytes of zeros; the zeros are written too, and
     * gzip shrinks them to almost nothing, as in a decompression bomb.
     */
    public TarGzFixtures zeros(String name, int declaredSize) {
        return file(name, new byte[declaredSize]);
    }

    /** Adds any entry: {@code type} is the ustar type flag ('0' file, '1' hard link, '2' symlink, '5' folder). */
    public TarGzFixtures entry(String name, char type, byte[] content, String linkName, int mode) {
        byte[] header = new byte[BLOCK];
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 100) {
            int split = name.lastIndexOf('/', 154);
            if (split <= 0 || name.length() - split - 1 > 100) {
                throw new IllegalArgumentException("name too long for a ustar header: " + name);
            }
            put(header, 345, name.substring(0, split), 155);
            put(header, 0, name.substring(split + 1), 100);
        } else {
            put(header, 0, name, 100);
        }
        octal(header, 100, mode, 8);
        octal(header, 108, 0, 8);
        octal(header, 116, 0, 8);
        octal(header, 124, content.length, 12);
        octal(header, 136, 1_700_000_000L, 12);
        header[156] = (byte) type;
        put(header, 157, linkName, 100);
        put(header, 257, "ustar", 6);
        put(header, 263, "00", 2);
        put(header, 265, "root", 32);
        put(header, 297, "root", 32);
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        String checksum = String.format("%06o", sum);
        put(header, 148, checksum, 6);
        header[154] = 0;
        header[155] = ' ';
        blocks.add(header);
        int padded = (content.length + BLOCK - 1) / BLOCK * BLOCK;
        byte[] data = new byte[padded];
        System.arraycopy(content, 0, data, 0, content.length);
        blocks.add(data);
        return this;
    }

    /** The archive as {@code .tar.gz} bytes. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            for (byte[] block : blocks) {
                gzip.write(block);
            }
            gzip.write(new byte[BLOCK * 2]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the archive to {@code file} and returns it. */
    public Path writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain archive of every file and folder below {@code folder}, with paths relative to it. */
    public static byte[] pack(Path folder) {
        TarGzFixtures archive = archive();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted().toList()) {
                if (p.equals(folder)) {
                    continue;
                }
                String name = folder.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) {
                    archive.directory(name);
                } else {
                    archive.file(name, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return archive.toBytes();
    }

    /**
     * The regular files of a trusted {@code .tar.gz}: entry name (without a leading {@code ./}) to content, in archive
     * order. Understands ustar prefixes, GNU long names and PAX {@code path} records.
     */
    public static Map<String, byte[]> read(byte[] tarGz) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tarGz))) {
            String longName = null;
            while (true) {
                byte[] header = in.readNBytes(BLOCK);
                if (header.length < BLOCK || isZero(header)) {
                    break;
                }
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                if (!prefix.isEmpty() && "ustar".equals(text(header, 257, 5))) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(text(header, 124, 12).trim().isEmpty() ? "0" : text(header, 124, 12).trim(), 8);
                byte[] data = in.readNBytes((int) size);
                in.readNBytes((int) ((BLOCK - size % BLOCK) % BLOCK));
                char type = (char) header[156];
                if (type == 'L') {
                    longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                if (type == 'x') {
                    longName = paxPath(new String(data, StandardCharsets.UTF_8));
                    continue;
                }
                if (longName != null) {
                    name = longName;
                    longName = null;
                }
                if (type == '0' || type == 0) {
                    files.put(name.startsWith("./") ? name.substring(2) : name, data);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** {@link #read(byte[])} of a file. */
    public static Map<String, byte[]> read(Path tarGz) {
        try {
            return read(Files.readAllBytes(tarGz));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String paxPath(String records) {
        for (String line : records.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.startsWith("path=", space + 1)) {
                return line.substring(space + 6);
            }
        }
        return null;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static void put(byte[] header, int offset, String value, int length) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > length) {
            throw new IllegalArgumentException("'" + value + "' does not fit " + length + " bytes of a tar header");
        }
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private static void octal(byte[] header, int offset, long value, int length) {
        String digits = Long.toOctalString(value);
        String padded = "0".repeat(length - 1 - digits.length()) + digits;
        put(header, offset, padded, length - 1);
    }
}
