package dev.drydock.local.storage;

import dev.drydock.core.error.AccessDeniedException;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.error.StorageObjectNotFoundException;
import dev.drydock.core.model.StorageObject;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.Storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link Storage} on the local file system, for {@code file://} URIs.
 *
 * <p><b>Atomic writes.</b> Every object is written to a temporary sibling ({@code .<name>.drydock-*.partial}) and
 * renamed over the target, so a reader sees the old or the new content, never a part. {@link #get} of a prefix
 * builds the folder beside the target and moves it into place only when every file was copied.
 *
 * <p><b>SHA-256.</b> {@link #put} computes each object's SHA-256 while copying and records it in the file's extended
 * attribute {@code user.drydock.sha256} (with the size and modification time it belongs to), so that it moves with
 * the file on rename and needs no sidecar files in the user's folders. {@link #list} reports the recorded value
 * while it still matches the file, and otherwise computes it (and records it when the file system allows), so the
 * reported hash is never stale, also for files written by other tools.
 *
 * <p><b>Allowed roots.</b> With {@link Builder#allowedRoot} set, only URIs below one of those folders are served;
 * any other URI is refused with an error naming the allowed roots and how to add one. Without, every absolute path
 * is served.
 *
 * <p>Thread-safe; holds no open resources.
 */
public final class FileSystemStorage implements Storage {
    private static final String ATTRIBUTE = "drydock.sha256";
    private static final String PARTIAL = ".partial";

    private final List<Path> allowedRoots;

    private FileSystemStorage(Builder b) {
        this.allowedRoots = List.copyOf(b.roots);
    }

    /** A storage that serves every absolute {@code file://} path. */
    public static FileSystemStorage create() {
        return builder().build();
    }

    /** A builder, for allowed roots. */
    public static Builder builder() {
        return new Builder();
    }

    /** The folders below which URIs are served; empty when every path is. */
    public List<Path> allowedRoots() {
        return allowedRoots;
    }

    @Override
    public boolean supports(StorageUri uri) {
        return uri != null && uri.isFile() && isAllowed(uri.toPath());
    }

    /**
     * The local path of {@code uri}, after checking its scheme and the allowed roots.
     *
     * @throws InvalidInputException when {@code uri} is not {@code file://}
     * @throws AccessDeniedException when it lies outside the allowed roots
     */
    public Path pathOf(StorageUri uri) {
        if (uri == null || !uri.isFile()) {
            throw InvalidInputException.of("uri", uri, "must be a file:// URI: this storage serves only the file scheme"
                    + " (use S3Storage for s3://)");
        }
        Path p = uri.toPath();
        if (!isAllowed(p)) {
            throw new AccessDeniedException(uri + " lies outside the folders this storage may use "
                    + allowedRoots.stream().map(Path::toString).collect(Collectors.joining(", ", "[", "]"))
                    + ": choose a location below one of them, or allow its folder with"
                    + " FileSystemStorage.builder().allowedRoot(Path.of(\"" + p.getParent() + "\"))"
                    + " (LocalBackendConfig storage roots)");
        }
        return p;
    }

    @Override
    public StorageUri put(Path source, StorageUri target) {
        Path dest = pathOf(target);
        Path src = source.toAbsolutePath().normalize();
        if (Files.isDirectory(src)) {
            List<Path> files = regularFilesBelow(src);
            for (Path f : files) {
                copyAtomically(f, dest.resolve(src.relativize(f).toString()), true);
            }
            if (files.isEmpty()) {
                mkdirs(dest);
            }
            return target.asPrefix();
        }
        if (!Files.isRegularFile(src)) {
            throw new StorageObjectNotFoundException(src.toString(), "no file or folder exists there to store");
        }
        Path file = target.isPrefix() || Files.isDirectory(dest) ? dest.resolve(src.getFileName().toString()) : dest;
        copyAtomically(src, file, true);
        return StorageUri.of(file);
    }

    @Override
    public Path get(StorageUri source, Path target) {
        Path src = pathOf(source);
        Path dest = target.toAbsolutePath().normalize();
        if (Files.isRegularFile(src) && !source.isPrefix()) {
            Path file = Files.isDirectory(dest) ? dest.resolve(src.getFileName().toString()) : dest;
            copyAtomically(src, file, false);
            return file;
        }
        if (!Files.isDirectory(src) || regularFilesBelow(src).isEmpty()) {
            throw new StorageObjectNotFoundException(source.toString(), "no object exists there"
                    + (Files.isDirectory(src) ? " (the folder holds no files)" : "") + "; check the path, or put the data first");
        }
        copyFolderAtomically(src, dest);
        return dest;
    }

    @Override
    public List<StorageObject> list(StorageUri prefix) {
        Path p = pathOf(prefix);
        List<Path> files;
        if (Files.isRegularFile(p) && !prefix.isPrefix()) {
            files = List.of(p);
        } else if (Files.isDirectory(p)) {
            files = regularFilesBelow(p);
        } else {
            return List.of();
        }
        List<StorageObject> objects = new ArrayList<>(files.size());
        for (Path f : files) {
            try {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                objects.add(new StorageObject(StorageUri.of(f), a.size(), a.lastModifiedTime().toInstant(), sha256(f, a)));
            } catch (NoSuchFileException e) {
                // deleted while listing: not there
            } catch (IOException e) {
                throw translate("list " + prefix, f, e);
            }
        }
        objects.sort(Comparator.comparing(o -> o.uri().toString()));
        return objects;
    }

    @Override
    public boolean exists(StorageUri uri) {
        Path p = pathOf(uri);
        if (Files.isRegularFile(p)) {
            return !uri.isPrefix();
        }
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.anyMatch(f -> Files.isRegularFile(f) && !isPartial(f));
        } catch (IOException e) {
            throw translate("check", p, e);
        }
    }

    /**
     * The SHA-256 of the object at {@code uri} in lower-case hex, from the recorded attribute when it still matches
     * the file, else computed.
     *
     * @throws StorageObjectNotFoundException when no file exists there
     */
    public String sha256(StorageUri uri) {
        Path p = pathOf(uri);
        try {
            return sha256(p, Files.readAttributes(p, BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            throw new StorageObjectNotFoundException(uri.toString(), "no file exists there");
        } catch (IOException e) {
            throw translate("hash", p, e);
        }
    }

    private boolean isAllowed(Path p) {
        if (allowedRoots.isEmpty()) {
            return true;
        }
        Path n = p.toAbsolutePath().normalize();
        for (Path root : allowedRoots) {
            if (n.startsWith(root)) {
                return true;
            }
        }
        return false;
    }

    /** Copies {@code src} over {@code dest} through a temporary sibling and a rename; records the SHA-256 if asked. */
    private static void copyAtomically(Path src, Path dest, boolean record) {
        if (dest.equals(src)) {
            return;
        }
        mkdirs(dest.getParent());
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dest.getParent(), "." + dest.getFileName() + ".drydock-", PARTIAL);
            MessageDigest digest = sha256Digest();
            long size;
            try (InputStream in = Files.newInputStream(src);
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), digest)) {
                size = in.transferTo(out);
            }
            Files.setLastModifiedTime(tmp, Files.getLastModifiedTime(src));
            if (record) {
                recordSha256(tmp, HexFormat.of().formatHex(digest.digest()), size);
            }
            move(tmp, dest);
            tmp = null;
        } catch (NoSuchFileException e) {
            if (!Files.exists(src)) {
                throw new StorageObjectNotFoundException(src.toString(), "no file exists there");
            }
            throw translate("write", dest, e);
        } catch (IOException e) {
            throw translate("write", dest, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static void copyFolderAtomically(Path src, Path dest) {
        mkdirs(dest.getParent());
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory(dest.getParent(), "." + dest.getFileName() + ".drydock-");
            for (Path f : regularFilesBelow(src)) {
                Path to = tmp.resolve(src.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
            }
            if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
                tmp = null;
                return;
            }
            try (Stream<Path> s = Files.walk(tmp)) {
                for (Path f : s.filter(Files::isRegularFile).toList()) {
                    Path to = dest.resolve(tmp.relativize(f).toString());
                    mkdirs(to.getParent());
                    move(f, to);
                }
            }
        } catch (IOException e) {
            throw translate("write", dest, e);
        } finally {
            deleteTree(tmp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String sha256(Path f, BasicFileAttributes a) throws IOException {
        String stamp = a.size() + " " + a.lastModifiedTime().toMillis();
        Optional<String> recorded = readRecorded(f);
        if (recorded.isPresent()) {
            String[] parts = recorded.get().split(" ", 2);
            if (parts.length == 2 && parts[1].equals(stamp)) {
                return parts[0];
            }
        }
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(f)) {
            byte[] buf = new byte[256 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                digest.update(buf, 0, n);
            }
        }
        String hex = HexFormat.of().formatHex(digest.digest());
        recordSha256(f, hex, a.size());
        return hex;
    }

    private static void recordSha256(Path f, String hex, long size) {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(f, UserDefinedFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            long mtime = Files.getLastModifiedTime(f).toMillis();
            view.write(ATTRIBUTE, StandardCharsets.US_ASCII.encode(hex + " " + size + " " + mtime));
        } catch (IOException | UnsupportedOperationException e) {
            // The file system keeps no user attributes (or the file is read-only): list() computes the hash instead.
        }
    }

    private static Optional<String> readRecorded(Path f) {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(f, UserDefinedFileAttributeView.class);
        if (view == null) {
            return Optional.empty();
        }
        try {
            ByteBuffer b = ByteBuffer.allocate(view.size(ATTRIBUTE));
            view.read(ATTRIBUTE, b);
            b.flip();
            return Optional.of(StandardCharsets.US_ASCII.decode(b).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static List<Path> regularFilesBelow(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> Files.isRegularFile(f) && !isPartial(f)).sorted().toList();
        } catch (IOException e) {
            throw translate("read", dir, e);
        }
    }

    /** Our own temporary files, never shown as objects. */
    private static boolean isPartial(Path f) {
        String name = f.getFileName().toString();
        return name.startsWith(".") && name.contains(".drydock-") && name.endsWith(PARTIAL);
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw translate("create the folder", dir, e);
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static RuntimeException translate(String action, Path path, IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return new AccessDeniedException("cannot " + action + " " + path + ": permission denied; fix the folder's"
                    + " permissions or choose another location", e);
        }
        if (e instanceof NoSuchFileException) {
            return new StorageObjectNotFoundException(path.toString(), "it does not exist");
        }
        String reason = dev.drydock.archive.DiskSpace.isFull(e) ? dev.drydock.archive.DiskSpace.reason(e)
                : e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(e.getMessage());
        return new StorageIoException("cannot " + action + " " + path + ": " + reason, e);
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover .partial file is hidden from list() and exists()
            }
        }
    }

    private static void deleteTree(Path p) {
        if (p == null || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (IOException ignored) {
            // best effort: the folder starts with '.' and names what it was for
        }
    }

    /** Options of a {@link FileSystemStorage}. */
    public static final class Builder {
        private final List<Path> roots = new ArrayList<>();

        private Builder() {
        }

        /** Allows URIs below {@code root} (made absolute); once any root is given, only those are served. */
        public Builder allowedRoot(Path root) {
            roots.add(root.toAbsolutePath().normalize());
            return this;
        }

        /** Allows URIs below each of {@code roots}. */
        public Builder allowedRoots(List<Path> paths) {
            paths.forEach(this::allowedRoot);
            return this;
        }

        /** Builds the storage. */
        public FileSystemStorage build() {
            return new FileSystemStorage(this);
        }
    }
}
