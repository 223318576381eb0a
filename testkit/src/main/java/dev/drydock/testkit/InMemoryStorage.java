package dev.drydock.testkit;

import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.error.StorageObjectNotFoundException;
import dev.drydock.core.model.StorageObject;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.Storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * A {@link Storage} that keeps {@code s3://} objects in memory; it touches the disk only to read what is put and to
 * write what is got. Thread-safe; each object is replaced whole, so a reader sees the old or the new bytes.
 */
public final class InMemoryStorage implements Storage {
    private final Map<String, Blob> objects = new ConcurrentSkipListMap<>();

    /** An empty storage. */
    public InMemoryStorage() {
    }

    @Override
    public boolean supports(StorageUri uri) {
        return uri.isS3();
    }

    @Override
    public StorageUri put(Path source, StorageUri target) {
        requireSupported(target);
        if (!Files.exists(source)) {
            throw new StorageObjectNotFoundException(source.toString(), "the local file or folder to upload does not exist");
        }
        try {
            if (Files.isDirectory(source)) {
                StorageUri prefix = target.asPrefix();
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        putBytes(prefix.resolve(source.relativize(file).toString().replace('\\', '/')), Files.readAllBytes(file));
                    }
                }
                return prefix;
            }
            StorageUri object = target.isPrefix() ? target.resolve(source.getFileName().toString()) : target;
            putBytes(object, Files.readAllBytes(source));
            return object;
        } catch (IOException e) {
            throw new StorageIoException("reading " + source + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Path get(StorageUri source, Path target) {
        requireSupported(source);
        Blob single = source.isPrefix() ? null : objects.get(source.toString());
        try {
            if (single != null) {
                writeAtomically(target, single.bytes());
                return target;
            }
            List<Map.Entry<String, Blob>> below = below(source.asPrefix());
            if (below.isEmpty()) {
                throw new StorageObjectNotFoundException(source.toString(), "no object and no prefix with objects exists"
                        + " there in memory; put it first");
            }
            String prefix = source.asPrefix().toString();
            for (Map.Entry<String, Blob> e : below) {
                writeAtomically(target.resolve(e.getKey().substring(prefix.length())), e.getValue().bytes());
            }
            return target;
        } catch (IOException e) {
            throw new StorageIoException("writing " + source + " to " + target + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<StorageObject> list(StorageUri prefix) {
        requireSupported(prefix);
        List<StorageObject> listed = new ArrayList<>();
        for (Map.Entry<String, Blob> e : below(prefix.asPrefix())) {
            Blob b = e.getValue();
            listed.add(new StorageObject(StorageUri.parse(e.getKey()), b.bytes().length, b.lastModified(), b.sha256()));
        }
        return listed;
    }

    @Override
    public boolean exists(StorageUri uri) {
        requireSupported(uri);
        return uri.isPrefix() ? !below(uri).isEmpty() : objects.containsKey(uri.toString());
    }

    /** Stores {@code bytes} as the object {@code uri}, replacing what was there. */
    public void putBytes(StorageUri uri, byte[] bytes) {
        requireSupported(uri);
        if (uri.isPrefix()) {
            throw InvalidInputException.of("uri", uri, "must name an object, not a prefix ending in '/'");
        }
        objects.put(uri.toString(), new Blob(bytes.clone(), Instant.now(), sha256(bytes)));
    }

    /** The bytes of the object {@code uri}, if it exists. */
    public Optional<byte[]> bytes(StorageUri uri) {
        return Optional.ofNullable(objects.get(uri.toString())).map(b -> b.bytes().clone());
    }

    private List<Map.Entry<String, Blob>> below(StorageUri prefix) {
        String p = prefix.toString();
        // Keys are sorted by URI text, so the objects below a prefix are one contiguous run.
        return ((ConcurrentSkipListMap<String, Blob>) objects).tailMap(p).entrySet().stream()
                .takeWhile(e -> e.getKey().startsWith(p)).map(e -> Map.entry(e.getKey(), e.getValue())).toList();
    }

    private void requireSupported(StorageUri uri) {
        if (!supports(uri)) {
            throw InvalidInputException.of("uri", uri, "must be an s3:// URI: InMemoryStorage serves the scheme s3 only");
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".partial");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private record Blob(byte[] bytes, Instant lastModified, String sha256) {
    }
}
