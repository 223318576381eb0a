package dev.drydock.archive;


import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Extracts one tar stream into a fresh temporary sibling of the target, checking every entry, and moves the result
 * into place only when the whole archive passed.
 *
 * <p>Rules (each rejection names the entry and the rule): no absolute names, no {@code ..} segments, no entry
 * below a symbolic link, symbolic links must resolve inside the target (also through other links of the archive,
 * checked after all entries are known), hard links must name a regular file extracted earlier, no devices, FIFOs
 * or sparse files, and the configured caps on entries and bytes. Permission bits are kept without setuid, setgid
 * and sticky bits, and the owner can always read and write what was extracted; times are kept; owners are not.
 */
final class SafeExtractor {
    private static final NoFollow NOFOLLOW = new NoFollow();
    private static final Set<StandardOpenOption> CREATE_NEW_WRITE = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private static final int MAX_LINK_HOPS = 40;
    private static volatile int umask = -1;

    private final ExtractionLimits limits;
    private final ExpansionGuard expansion;
    private final String source;
    private final Map<String, String> symlinks = new HashMap<>();
    private final Set<String> knownDirectories = new HashSet<>();
    private final List<DirectoryMeta> directories = new ArrayList<>();
    private final byte[] buffer = new byte[256 * 1024];
    private final FileTime extractedAt = FileTime.from(java.time.Instant.now());
    private Path root;
    private int rootMode = 0755;
    private long rootMtime = -1;
    private long entries;
    private long bytes;

    SafeExtractor(ExtractionLimits limits, String source) {
        this.limits = limits;
        this.expansion = new ExpansionGuard(limits);
        this.source = source;
    }

    /** Extracts the gzip-compressed tar {@code gzipped} (closed afterwards) into the folder {@code target}. */
    Path extract(InputStream gzipped, Path target) {
        Path dest = target.toAbsolutePath().normalize();
        Path tmp = null;
        try (InputStream data = new ReadAheadInputStream(expansion.inflated(new GzipInflatingInputStream(expansion.compressed(gzipped))), 256 * 1024, 8,
                "drydock-untar-" + dest.getFileName())) {
            if (Files.isDirectory(dest)) {
                dest = dest.toRealPath();
            } else if (Files.exists(dest, NOFOLLOW.options)) {
                throw new ArchiveException("cannot extract " + source + " into " + dest
                        + ": it exists and is not a folder; name a folder (existing or not)");
            }
            Path parent = dest.getParent();
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + dest.getFileName() + ".extracting-");
            root = tmp;
            TarReader reader = new TarReader(data, limits);
            TarHeader entry;
            while ((entry = reader.next()) != null) {
                write(entry, reader);
            }
            reader.drain(limits.maxTotalBytes());
            verifySymlinks();
            applyDirectoryMetadata();
            moveIntoPlace(tmp, dest);
            tmp = null;
            return dest;
        } catch (IOException e) {
            if (DiskSpace.isFull(e)) {
                throw new ArchiveException("extracting " + source + " into " + dest + " failed: " + DiskSpace.reason(e)
                        + "; nothing was extracted", e);
            }
            throw new ArchiveException("extracting " + source + " into " + dest + " failed: " + e.getMessage()
                    + (e.getMessage() != null && e.getMessage().contains("archive") ? "" : " (the archive may be corrupt)"), e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    private void write(TarHeader entry, TarReader reader) throws IOException {
        expansion.check(rule -> reject(entry.name(), rule));
        if (++entries > limits.maxEntries()) {
            throw reject(entry.name(), "the archive holds more than " + limits.maxEntries()
                    + " entries (rule: at most maxEntries=" + limits.maxEntries() + ")");
        }
        bytes += entry.size();
        if (bytes > limits.maxTotalBytes() || bytes < 0) {
            throw reject(entry.name(), "the archive's content exceeds " + limits.maxTotalBytes()
                    + " bytes uncompressed (rule: at most maxTotalBytes=" + limits.maxTotalBytes() + ")");
        }
        String rel = relativeName(entry.name(), entry.name(), "");
        if (rel.isEmpty()) {
            if (entry.type() != TarHeader.DIRECTORY) {
                throw reject(entry.name(), "a " + entry.typeName() + " cannot be the target folder itself");
            }
            rootMode = entry.mode();
            rootMtime = entry.mtime();
            return;
        }
        checkNotThroughSymlink(entry.name(), rel);
        Path path = root.resolve(rel);
        switch (entry.type()) {
            case TarHeader.FILE -> {
                ensureParent(entry.name(), rel);
                writeFile(path, rel, reader, entry);
            }
            case TarHeader.DIRECTORY -> {
                ensureParent(entry.name(), rel);
                BasicFileAttributes existing = attributes(path);
                if (existing != null && !existing.isDirectory()) {
                    Files.delete(path);
                    symlinks.remove(rel);
                }
                if (existing == null || !existing.isDirectory()) {
                    Files.createDirectory(path);
                }
                knownDirectories.add(rel);
                directories.add(new DirectoryMeta(rel, entry.mode(), entry.mtime()));
            }
            case TarHeader.SYMLINK -> {
                checkSymlinkTarget(entry, rel);
                ensureParent(entry.name(), rel);
                clearForReplacement(entry, path, rel);
                Files.createSymbolicLink(path, path.getFileSystem().getPath(entry.linkName()));
                symlinks.put(rel, entry.linkName());
            }
            case TarHeader.HARD_LINK -> {
                String target = relativeName(entry.name(), entry.linkName(), "hard link target ");
                if (target.isEmpty()) {
                    throw reject(entry.name(), "a hard link must name a file of the archive, not the target folder");
                }
                checkNotThroughSymlink(entry.name(), target);
                Path existing = root.resolve(target);
                BasicFileAttributes a = attributes(existing);
                if (a == null || !a.isRegularFile()) {
                    throw reject(entry.name(), "a hard link must name a regular file extracted earlier from the same"
                            + " archive, and " + TarReader.quote(entry.linkName()) + " is not one");
                }
                ensureParent(entry.name(), rel);
                clearForReplacement(entry, path, rel);
                Files.createLink(path, existing);
            }
            default -> throw reject(entry.name(), "a " + entry.typeName()
                    + " is not allowed (rule: only regular files, folders and links that stay inside)");
        }
    }

    /**
     * Writes a regular file. Creation is tried first (exclusive) and only a name taken by an earlier entry is looked
     * at: with many small files the syscalls per file are what costs.
     */
    private void writeFile(Path path, String rel, TarReader reader, TarHeader entry) throws IOException {
        int mode = (entry.mode() & 0777) | 0600;
        FileChannel opened;
        try {
            opened = FileChannel.open(path, CREATE_NEW_WRITE, permissions(mode));
        } catch (FileAlreadyExistsException e) {
            clearForReplacement(entry, path, rel);
            opened = FileChannel.open(path, CREATE_NEW_WRITE, permissions(mode));
        }
        try (FileChannel ch = opened) {
            int n;
            while ((n = reader.read(buffer, 0, buffer.length)) > 0) {
                expansion.check(rule -> reject(entry.name(), rule));
                ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
        }
        if ((mode & umask(path.getParent())) != 0) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(symbolic(mode)));
        }
        // Both times at once: with only the modification time the JDK first reads the access time (one more syscall
        // per file, which shows with many small files). The access time becomes the extraction time, as with tar.
        Files.getFileAttributeView(path, BasicFileAttributeView.class)
                .setTimes(FileTime.from(entry.mtime(), TimeUnit.SECONDS), extractedAt, null);
    }

    /** Removes what an earlier entry of the same name left (tar's "last one wins"), but never a folder's content. */
    private void clearForReplacement(TarHeader entry, Path path, String rel) throws IOException {
        BasicFileAttributes existing = attributes(path);
        if (existing == null) {
            return;
        }
        if (existing.isDirectory()) {
            throw reject(entry.name(), "a " + entry.typeName() + " cannot replace the folder of the same name"
                    + " extracted earlier");
        }
        Files.delete(path);
        symlinks.remove(rel);
    }

    private void ensureParent(String name, String rel) throws IOException {
        int slash = rel.lastIndexOf('/');
        if (slash < 0) {
            return;
        }
        String parent = rel.substring(0, slash);
        if (knownDirectories.contains(parent)) {
            return;
        }
        try {
            Files.createDirectories(root.resolve(parent));
        } catch (FileAlreadyExistsException e) {
            throw reject(name, "its parent " + TarReader.quote(parent) + " is a file or link of the archive, not a folder");
        }
        for (String p = parent; p != null; p = p.lastIndexOf('/') < 0 ? null : p.substring(0, p.lastIndexOf('/'))) {
            knownDirectories.add(p);
        }
    }

    private void checkNotThroughSymlink(String name, String rel) {
        if (symlinks.isEmpty()) {
            return;
        }
        int slash = rel.indexOf('/');
        while (slash >= 0) {
            String ancestor = rel.substring(0, slash);
            if (symlinks.containsKey(ancestor)) {
                throw reject(name, "it lies below the symbolic link " + TarReader.quote(ancestor)
                        + " (rule: no entry may be written through a link)");
            }
            slash = rel.indexOf('/', slash + 1);
        }
    }

    private void checkSymlinkTarget(TarHeader entry, String rel) {
        String link = entry.linkName();
        if (link.isEmpty()) {
            throw reject(entry.name(), "a symbolic link needs a target");
        }
        if (link.startsWith("/")) {
            throw reject(entry.name(), "its link target " + TarReader.quote(link)
                    + " is absolute (rule: links must be relative and stay inside the target folder)");
        }
        if (resolveInside(rel, link, false) == null) {
            throw reject(entry.name(), "its link target " + TarReader.quote(link)
                    + " leads outside the target folder (rule: links must stay inside)");
        }
    }

    /** Checks every link again once all are known, following the archive's links, so order cannot fool it. */
    private void verifySymlinks() {
        for (Map.Entry<String, String> e : symlinks.entrySet()) {
            if (resolveInside(e.getKey(), e.getValue(), true) == null) {
                throw reject(e.getKey(), "its link target " + TarReader.quote(e.getValue())
                        + " leads outside the target folder through another link of the archive (rule: links must stay inside)");
            }
        }
    }

    /**
     * Resolves a link target segment by segment from the link's folder, following the archive's own links when
     * {@code follow}; returns the inside path or {@code null} when any step leaves the root.
     */
    private String resolveInside(String linkRel, String target, boolean follow) {
        Deque<String> stack = new ArrayDeque<>();
        String[] parts = linkRel.split("/");
        stack.addAll(Arrays.asList(parts).subList(0, parts.length - 1));
        Deque<String> pending = new ArrayDeque<>(Arrays.asList(target.split("/")));
        int hops = 0;
        while (!pending.isEmpty()) {
            String c = pending.pollFirst();
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (stack.isEmpty()) {
                    return null;
                }
                stack.pollLast();
                continue;
            }
            stack.addLast(c);
            if (follow) {
                String here = String.join("/", stack);
                String next = symlinks.get(here);
                if (next != null) {
                    if (++hops > MAX_LINK_HOPS || next.startsWith("/")) {
                        return null;
                    }
                    stack.pollLast();
                    String[] more = next.split("/");
                    for (int i = more.length - 1; i >= 0; i--) {
                        pending.addFirst(more[i]);
                    }
                }
            }
        }
        return String.join("/", stack);
    }

    /**
     * The entry's name as a clean relative path ("" for the root), or a rejection: absolute paths and ".." are
     * never allowed.
     */
    private String relativeName(String entryName, String name, String what) {
        if (name.isEmpty()) {
            throw reject(entryName, "the " + what + "name is empty");
        }
        if (name.startsWith("/")) {
            throw reject(entryName, "the " + what + "path " + TarReader.quote(name)
                    + " is absolute (rule: entries must be relative paths inside the target folder)");
        }
        StringBuilder clean = new StringBuilder();
        for (String segment : name.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw reject(entryName, "the " + what + "path " + TarReader.quote(name)
                        + " contains '..' (rule: entries must stay inside the target folder)");
            }
            if (clean.length() > 0) {
                clean.append('/');
            }
            clean.append(segment);
        }
        return clean.toString();
    }

    private void applyDirectoryMetadata() throws IOException {
        // Deepest first, after all content is written: writing a child changes its folder's time, and a read-only
        // folder could not receive children.
        directories.sort((a, b) -> Integer.compare(depth(b.rel), depth(a.rel)));
        for (DirectoryMeta d : directories) {
            Path p = root.resolve(d.rel);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(symbolic((d.mode & 0777) | 0700)));
            Files.setLastModifiedTime(p, FileTime.from(d.mtime, TimeUnit.SECONDS));
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString(symbolic((rootMode & 0777) | 0700)));
        if (rootMtime >= 0) {
            Files.setLastModifiedTime(root, FileTime.from(rootMtime, TimeUnit.SECONDS));
        }
    }

    private static void moveIntoPlace(Path tmp, Path dest) throws IOException {
        if (!Files.exists(dest, NOFOLLOW.options)) {
            try {
                Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // created meanwhile, or a non-empty folder appeared: merge below
            } catch (IOException e) {
                if (!Files.isDirectory(dest, NOFOLLOW.options)) {
                    throw e;
                }
            }
        }
        merge(tmp, dest);
        deleteQuietly(tmp);
    }

    /**
     * Moves every entry of {@code from} into {@code into}, replacing files and links of the same name and merging
     * folders, as {@code tar x} into an existing folder does; never follows a link that was already there.
     */
    private static void merge(Path from, Path into) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(from)) {
            s.forEach(children::add);
        }
        for (Path c : children) {
            Path d = into.resolve(c.getFileName().toString());
            BasicFileAttributes existing = attributes(d);
            BasicFileAttributes incoming = attributes(c);
            if (existing == null) {
                Files.move(c, d, StandardCopyOption.ATOMIC_MOVE);
            } else if (existing.isDirectory() && incoming != null && incoming.isDirectory()) {
                merge(c, d);
                Files.setPosixFilePermissions(d, Files.getPosixFilePermissions(c));
                Files.setLastModifiedTime(d, incoming.lastModifiedTime());
            } else {
                deleteQuietly(d);
                Files.move(c, d, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW.options);
        } catch (IOException e) {
            return null;
        }
    }

    /** Deletes a tree without following links. */
    static void deleteQuietly(Path p) {
        try {
            Files.walkFileTree(p, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                    Files.deleteIfExists(file);
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort: a leftover temporary folder starts with '.' and names what it was for
        }
    }

    private UnsafeArchiveException reject(String entry, String rule) {
        return new UnsafeArchiveException("unsafe archive " + source + ": entry " + TarReader.quote(entry) + " rejected: "
                + rule + "; nothing was extracted");
    }

    private static int depth(String rel) {
        int d = 0;
        for (int i = 0; i < rel.length(); i++) {
            if (rel.charAt(i) == '/') {
                d++;
            }
        }
        return d;
    }

    /** The process's umask, found once by creating a file that asks for every permission. */
    private static int umask(Path dir) throws IOException {
        int u = umask;
        if (u < 0) {
            Path probe = Files.createTempFile(dir, ".umask-", ".probe", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxrwxrwx")));
            try {
                Set<PosixFilePermission> got = Files.getPosixFilePermissions(probe);
                u = 0777 & ~bits(got);
            } finally {
                Files.deleteIfExists(probe);
            }
            umask = u;
        }
        return u;
    }

    private static int bits(Set<PosixFilePermission> perms) {
        int m = 0;
        for (PosixFilePermission p : perms) {
            m |= 1 << (8 - p.ordinal());
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static final FileAttribute<Set<PosixFilePermission>>[] ATTRIBUTES = new FileAttribute[01000];

    private static FileAttribute<Set<PosixFilePermission>> permissions(int mode) {
        FileAttribute<Set<PosixFilePermission>> a = ATTRIBUTES[mode & 0777];
        if (a == null) {
            a = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(symbolic(mode)));
            ATTRIBUTES[mode & 0777] = a;
        }
        return a;
    }

    static String symbolic(int mode) {
        char[] c = new char[9];
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            c[i] = (mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-';
        }
        return new String(c);
    }

    private record DirectoryMeta(String rel, int mode, long mtime) {
    }

    /** The one link option, held once. */
    private static final class NoFollow {
        final LinkOption[] options = {LinkOption.NOFOLLOW_LINKS};
    }
}
