package dev.drydock.archive;


import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;


/**
 * Packs a folder into a {@code .tar.gz} and extracts one safely: the archive format SageMaker uses for
 * {@code model.tar.gz} and {@code output.tar.gz}, shared by every artifact store.
 *
 * <p><b>Packing</b> writes POSIX ustar entries (PAX extended headers where ustar falls short) for folders, regular
 * files and symbolic links that stay inside the folder, in name order, with permission bits and modification
 * times, owners as 0: the same folder always gives the same bytes. A link that leads outside is stored as the file
 * it points to when that is a regular file, and skipped otherwise (with a warning); sockets and devices are
 * skipped. Compression runs on several threads and still writes a single gzip member that every gzip reader
 * (gunzip, Python's {@code tarfile}, SageMaker) reads. {@link #pack(Path, Path)} writes a temporary sibling and
 * renames it, so a reader sees the old archive or the complete new one.
 *
 * <p><b>Extracting</b> checks every entry (see {@link ExtractionLimits} and
 * {@link UnsafeArchiveException}) while writing into a temporary sibling of the target, and
 * moves the result into place only when the whole archive passed; a rejected or corrupt archive leaves nothing
 * behind and the target as it was. Extracting into an existing folder adds and replaces entries as {@code tar x}
 * does; extracting the same archive twice gives the same files.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TarGz {
    // The JDK's logger (System.Logger, routed to SLF4J by an application that binds it): the module stays JDK-only.
    private static final System.Logger LOG = System.getLogger(TarGz.class.getName());
    private static final TarGz DEFAULT = builder().build();

    private final int compressionLevel;
    private final int parallelism;
    private final int blockSize;
    private final ExtractionLimits limits;

    private TarGz(Builder b) {
        this.compressionLevel = b.compressionLevel;
        this.parallelism = b.parallelism;
        this.blockSize = b.blockSize;
        this.limits = b.limits;
    }

    /** Level 6 (gzip's default), one compressing thread per processor, {@link ExtractionLimits#defaults()}. */
    public static TarGz create() {
        return DEFAULT;
    }

    /** A builder starting from the defaults of {@link #create()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The deflate level, 0 (store) to 9 (smallest). */
    public int compressionLevel() {
        return compressionLevel;
    }

    /** How many threads compress at once. */
    public int parallelism() {
        return parallelism;
    }

    /** The caps applied when extracting. */
    public ExtractionLimits limits() {
        return limits;
    }

    /**
     * Packs the content of {@code folder} (not the folder itself: entries are relative to it) into the file
     * {@code archive}, atomically.
     *
     * @return {@code archive}
     * @throws ArchiveNotFoundException when {@code folder} is not an existing folder
     * @throws ArchiveException               when reading or writing fails
     */
    public Path pack(Path folder, Path archive) {
        Path source = requireFolder(folder);
        Path target = archive.toAbsolutePath().normalize();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".partial");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(source, out, Set.of(target, tmp));
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return target;
        } catch (IOException e) {
            throw new ArchiveException("packing " + source + " into " + target + " failed: " + DiskSpace.reason(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover starts with '.' and ends with .partial
                }
            }
        }
    }

    /**
     * Packs the content of {@code folder} as {@code .tar.gz} bytes into {@code out}, which stays open (for an
     * upload stream).
     *
     * @throws ArchiveNotFoundException when {@code folder} is not an existing folder
     * @throws ArchiveException               when reading or writing fails
     */
    public void pack(Path folder, OutputStream out) {
        Path source = requireFolder(folder);
        try {
            write(source, new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    out.flush(); // the caller owns the stream
                }
            }, Set.of());
        } catch (IOException e) {
            throw new ArchiveException("packing " + source + " failed: " + DiskSpace.reason(e), e);
        }
    }

    /**
     * Safely extracts the {@code .tar.gz} file {@code archive} into the folder {@code target} (created if absent).
     *
     * @return {@code target}, absolute
     * @throws ArchiveNotFoundException                when {@code archive} does not exist
     * @throws UnsafeArchiveException when an entry breaks a rule; nothing is extracted
     * @throws ArchiveException                              when the archive is corrupt or writing fails
     */
    public Path extract(Path archive, Path target) {
        InputStream in;
        try {
            in = Files.newInputStream(archive);
        } catch (NoSuchFileException e) {
            throw new ArchiveNotFoundException(archive.toString(), "no archive file exists there");
        } catch (IOException e) {
            throw new ArchiveException("cannot read archive " + archive + ": " + e.getMessage(), e);
        }
        return new SafeExtractor(limits, archive.toString()).extract(in, target);
    }

    /**
     * Safely extracts {@code .tar.gz} bytes read from {@code gzipped} (closed afterwards) into the folder
     * {@code target}; {@code sourceName} names the archive in messages (for example its storage URI).
     *
     * @return {@code target}, absolute
     * @throws UnsafeArchiveException when an entry breaks a rule; nothing is extracted
     * @throws ArchiveException                              when the archive is corrupt or writing fails
     */
    public Path extract(InputStream gzipped, Path target, String sourceName) {
        return new SafeExtractor(limits, sourceName).extract(gzipped, target);
    }

    private void write(Path source, OutputStream raw, Set<Path> exclude) throws IOException {
        ParallelGzipOutputStream gz = new ParallelGzipOutputStream(new BufferedOutputStream(raw, 256 * 1024),
                compressionLevel, blockSize, ArchiveThreads.EXECUTOR, parallelism);
        boolean done = false;
        try {
            TarWriter tar = new TarWriter(gz);
            walk(source, source, "", tar, exclude);
            tar.finish();
            gz.close();
            done = true;
        } finally {
            if (!done) {
                gz.abandon();
            }
        }
    }

    private void walk(Path root, Path dir, String prefix, TarWriter tar, Set<Path> exclude) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(children::add);
        }
        children.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path child : children) {
            if (exclude.contains(child)) {
                continue;
            }
            PosixFileAttributes a = Files.readAttributes(child, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String name = prefix + child.getFileName();
            long mtime = a.lastModifiedTime().to(TimeUnit.SECONDS);
            int mode = mode(a.permissions());
            if (a.isDirectory()) {
                tar.directory(name, mode, mtime);
                walk(root, child, name + "/", tar, exclude);
            } else if (a.isRegularFile()) {
                tar.file(name, mode, mtime, a.size(), child);
            } else if (a.isSymbolicLink()) {
                symlink(root, child, name, mode, mtime, tar);
            } else {
                LOG.log(System.Logger.Level.WARNING,
                        "skipping {0} while packing {1}: only files, folders and links are packed", child, root);
            }
        }
    }

    private static void symlink(Path root, Path link, String name, int mode, long mtime, TarWriter tar) throws IOException {
        Path target = Files.readSymbolicLink(link);
        Path lexical = link.getParent().resolve(target).normalize();
        boolean inside = !target.isAbsolute() && lexical.startsWith(root);
        if (inside && Files.exists(link)) {
            inside = link.toRealPath().startsWith(root.toRealPath());
        }
        if (inside) {
            tar.symlink(name, target.toString(), mode, mtime);
            return;
        }
        if (Files.isRegularFile(link)) {
            PosixFileAttributes a = Files.readAttributes(link, PosixFileAttributes.class);
            LOG.log(System.Logger.Level.INFO,
                    "packing the file behind {0} (a link to {1} outside {2}) as a regular file", link, target, root);
            tar.file(name, mode(a.permissions()), a.lastModifiedTime().to(TimeUnit.SECONDS), a.size(), link);
            return;
        }
        LOG.log(System.Logger.Level.WARNING,
                "skipping {0} while packing {1}: it links to {2} outside the folder, which is not a regular file",
                link, root, target);
    }

    private static int mode(Set<PosixFilePermission> perms) {
        int m = 0;
        for (PosixFilePermission p : perms) {
            m |= 1 << (8 - p.ordinal());
        }
        return m;
    }

    private static Path requireFolder(Path folder) {
        Path f = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(f)) {
            throw new ArchiveNotFoundException(f.toString(), "there is no folder to pack; pass the folder"
                    + " the trainer wrote its model into");
        }
        return f;
    }

    /** Options of a {@link TarGz}. */
    public static final class Builder {
        private int compressionLevel = 6;
        private int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
        private int blockSize = 256 * 1024;
        private ExtractionLimits limits = ExtractionLimits.defaults();

        private Builder() {
        }

        /** The deflate level, 0 (store) to 9 (smallest); 6 by default, as gzip; 1 packs about 3x faster. */
        public Builder compressionLevel(int level) {
            this.compressionLevel = level;
            return this;
        }

        /** How many threads compress at once; the number of processors by default; 1 compresses inline. */
        public Builder parallelism(int threads) {
            this.parallelism = threads;
            return this;
        }

        /** Uncompressed bytes per block compressed on one thread; 256 KiB by default. */
        public Builder blockSize(int bytes) {
            this.blockSize = bytes;
            return this;
        }

        /** The caps applied when extracting; {@link ExtractionLimits#defaults()} by default. */
        public Builder limits(ExtractionLimits value) {
            this.limits = value;
            return this;
        }

        /** Validates the options and builds. */
        public TarGz build() {
            Checks v = new Checks();
            v.check(compressionLevel >= 0 && compressionLevel <= 9, "compressionLevel", compressionLevel, "must be 0 to 9");
            v.check(parallelism >= 1 && parallelism <= 256, "parallelism", parallelism, "must be 1 to 256");
            v.check(blockSize >= 64 * 1024 && blockSize <= 64 * 1024 * 1024, "blockSize", blockSize,
                    "must be 64 KiB to 64 MiB");
            v.check(limits != null, "limits", null, "must be set (ExtractionLimits.defaults())");
            v.throwIfAny();
            return new TarGz(this);
        }
    }
}
