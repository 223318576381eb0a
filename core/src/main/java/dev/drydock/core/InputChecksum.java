package dev.drydock.core;

import dev.drydock.core.error.StorageIoException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SHA-256 of a local input, a file or a folder (its files' relative paths and contents, in path order), so that
 * a job's identity covers what it trains on: the same name with other data is another job, not the old one.
 */
final class InputChecksum {
    /** The tag that carries a channel's checksum: part of the spec, so of its fingerprint. */
    static final String TAG_PREFIX = "drydock:sha256:";

    private InputChecksum() {
    }

    /** The hex SHA-256 of {@code path}. */
    static String of(Path path) {
        MessageDigest digest = sha256();
        try {
            if (Files.isDirectory(path)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    digest.update(path.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    update(digest, file);
                    digest.update((byte) 0);
                }
            } else {
                update(digest, path);
            }
        } catch (IOException e) {
            throw new StorageIoException("cannot read " + path + " to checksum it before upload: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, Path file) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
