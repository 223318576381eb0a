package dev.drydock.local;

import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.StorageObjectNotFoundException;
import dev.drydock.core.model.StorageObject;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.Storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A hand-written {@code file://} storage for the backend tests: plain copies, no checksums, no roots. */
public final class DirectoryStorageFake implements Storage {

    @Override
    public boolean supports(StorageUri uri) {
        return uri.isFile();
    }

    @Override
    public StorageUri put(Path source, StorageUri target) {
        require(target);
        try {
            if (Files.isDirectory(source)) {
                for (Path p : files(source)) {
                    Path to = target.asPrefix().toPath().resolve(source.relativize(p).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
                return target.asPrefix();
            }
            Path to = target.isPrefix() ? target.toPath().resolve(source.getFileName().toString()) : target.toPath();
            Files.createDirectories(to.getParent());
            Files.copy(source, to, StandardCopyOption.REPLACE_EXISTING);
            return StorageUri.of(to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Path get(StorageUri source, Path target) {
        require(source);
        Path from = source.toPath();
        if (!Files.exists(from)) {
            throw new StorageObjectNotFoundException(source.toString(), "nothing there");
        }
        try {
            if (Files.isDirectory(from)) {
                for (Path p : files(from)) {
                    Path to = target.resolve(from.relativize(p).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                Files.createDirectories(target.getParent());
                Files.copy(from, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<StorageObject> list(StorageUri prefix) {
        require(prefix);
        Path dir = prefix.toPath();
        if (!prefix.isPrefix() || !Files.isDirectory(dir)) {
            return List.of();
        }
        List<StorageObject> objects = new ArrayList<>();
        try {
            for (Path p : files(dir)) {
                objects.add(new StorageObject(StorageUri.of(p), Files.size(p), Files.getLastModifiedTime(p).toInstant(), null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        objects.sort(Comparator.comparing(o -> o.uri().toString()));
        return objects;
    }

    @Override
    public boolean exists(StorageUri uri) {
        require(uri);
        Path p = uri.toPath();
        return Files.isRegularFile(p) || (Files.isDirectory(p) && !files(p).isEmpty());
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void require(StorageUri uri) {
        if (!uri.isFile()) {
            throw InvalidInputException.of("uri", uri, "must be file://");
        }
    }
}
