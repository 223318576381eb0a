package dev.drydock.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TarGzTest {
    private static final long MTIME = 1_600_000_000L;

    @TempDir
    Path tmp;

    @Test
    void pack_thenExtract_whenFolderHasFilesFoldersAndLinks_roundTripsContentModesAndTimes() throws IOException {
        Path src = sampleFolder(tmp.resolve("src"));
        Path archive = TarGz.create().pack(src, tmp.resolve("out/model.tar.gz"));

        Path dst = TarGz.create().extract(archive, tmp.resolve("dst"));

        assertSameTree(src, dst);
        assertThat(Files.readSymbolicLink(dst.resolve("link-to-a"))).hasToString("a.txt");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dst.resolve("run.sh")))).isEqualTo("rwxr-x---");
        assertThat(Files.getLastModifiedTime(dst.resolve("deep")).to(TimeUnit.SECONDS)).isEqualTo(MTIME);
    }

    @Test
    void pack_whenPackedTwice_writesIdenticalBytes() throws IOException {
        Path src = sampleFolder(tmp.resolve("src"));
        byte[] first = Files.readAllBytes(TarGz.create().pack(src, tmp.resolve("a.tar.gz")));
        byte[] second = Files.readAllBytes(TarGz.builder().parallelism(1).build().pack(src, tmp.resolve("b.tar.gz")));
        assertThat(first).isEqualTo(second);
    }

    @Test
    void pack_whenDataSpansManyBlocks_isOneGzipMemberThatTheJdkReads() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("big"));
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(data);
        for (int i = 0; i < data.length; i += 7) {
            data[i] = 'a'; // some redundancy, so that blocks refer back across block boundaries
        }
        Files.write(src.resolve("weights.bin"), data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TarGz.builder().blockSize(64 * 1024).build().pack(src, out);

        // One member: the JDK reader over a stream whose available() is 0 still reads everything.
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new NoAvailable(new ByteArrayInputStream(out.toByteArray())))) {
            in.transferTo(tar);
        }
        assertThat(tar.size()).isEqualTo(512 + ((data.length + 511) / 512) * 512 + 1024);

        Path dst = TarGz.create().extract(new ByteArrayInputStream(out.toByteArray()), tmp.resolve("dst"), "memory");
        assertThat(Files.readAllBytes(dst.resolve("weights.bin"))).isEqualTo(data);
    }

    @Test
    void pack_whenNamesAreLongOrNotAscii_usesPaxHeadersThatGnuTarReads() throws IOException {
        assumeTrue(hasGnuTar(), "GNU tar is not on the PATH: the interoperability check needs it");
        Path src = Files.createDirectories(tmp.resolve("src"));
        String longDir = "d".repeat(120) + "/" + "e".repeat(130);
        Files.createDirectories(src.resolve(longDir));
        Files.writeString(src.resolve(longDir).resolve("f".repeat(150) + ".txt"), "long");
        Files.writeString(src.resolve("häuser-größe.csv"), "umlaut");
        Path archive = TarGz.create().pack(src, tmp.resolve("a.tar.gz"));

        Path gnu = Files.createDirectories(tmp.resolve("gnu"));
        run("tar", "-xzf", archive.toString(), "-C", gnu.toString());

        assertSameTree(src, gnu);
    }

    @Test
    void extract_whenGnuTarWroteTheArchive_readsEverything() throws IOException {
        assumeTrue(hasGnuTar(), "GNU tar is not on the PATH: the interoperability check needs it");
        Path src = sampleFolder(tmp.resolve("src"));
        Files.createDirectories(src.resolve("x".repeat(110)));
        Files.writeString(src.resolve("x".repeat(110)).resolve("y".repeat(120)), "gnu long name");
        for (String format : List.of("gnu", "posix", "ustar")) {
            if (format.equals("ustar")) {
                // ustar cannot hold the long names; pack a folder without them
                SafeExtractor.deleteQuietly(src.resolve("x".repeat(110)));
            }
            Path archive = tmp.resolve(format + ".tar.gz");
            run("tar", "--format=" + format, "-czf", archive.toString(), "-C", src.toString(), ".");
            Path dst = TarGz.create().extract(archive, tmp.resolve("dst-" + format));
            assertSameTree(src, dst);
        }
    }

    @Test
    void extract_whenExtractedTwiceIntoTheSameFolder_givesTheSameFilesAndKeepsOthers() throws IOException {
        Path src = sampleFolder(tmp.resolve("src"));
        Path archive = TarGz.create().pack(src, tmp.resolve("a.tar.gz"));
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        Files.writeString(dst.resolve("mine.txt"), "kept");
        Files.writeString(dst.resolve("a.txt"), "replaced");

        TarGz.create().extract(archive, dst);
        TarGz.create().extract(archive, dst);

        assertThat(Files.readString(dst.resolve("a.txt"))).isEqualTo("alpha");
        assertThat(Files.readString(dst.resolve("mine.txt"))).isEqualTo("kept");
        assertThat(leftovers(tmp)).isEmpty();
    }

    @Test
    void extract_whenEntryClimbsWithDotDot_rejectsItAndLeavesNothing() throws IOException {
        Path archive = new RawTar().file("ok.txt", "fine").file("../evil.txt", "x").writeTo(tmp.resolve("a.tar.gz"));
        assertRejected(archive, "../evil.txt", "'..'");
        assertThat(tmp.resolve("evil.txt")).doesNotExist();
    }

    @Test
    void extract_whenEntryIsAbsolute_rejectsIt() throws IOException {
        Path archive = new RawTar().file("/tmp/drydock-evil.txt", "x").writeTo(tmp.resolve("a.tar.gz"));
        assertRejected(archive, "/tmp/drydock-evil.txt", "absolute");
    }

    @Test
    void extract_whenSymlinkEscapes_rejectsIt() throws IOException {
        assertRejected(new RawTar().symlink("up", "../../etc").writeTo(tmp.resolve("a.tar.gz")), "up", "outside");
        assertRejected(new RawTar().symlink("abs", "/etc/passwd").writeTo(tmp.resolve("b.tar.gz")), "abs", "absolute");
    }

    @Test
    void extract_whenEntryIsWrittenThroughASymlink_rejectsIt() throws IOException {
        Path archive = new RawTar().directory("d/").symlink("d/here", ".").file("d/here/f.txt", "x")
                .writeTo(tmp.resolve("a.tar.gz"));
        assertRejected(archive, "d/here/f.txt", "below the symbolic link");
    }

    @Test
    void extract_whenLinksEscapeOnlyTogether_rejectsThemWhateverTheOrder() throws IOException {
        // "a" looks inside alone; once "sub" points to the root's parent... it is not: sub -> ".." at top level escapes
        // directly. The subtle case: d/a -> "s/../../../x" is lexically outside; d/a -> "s/../x" with d/s -> "../.."
        Path archive = new RawTar().directory("d/").symlink("d/a", "s/../x").symlink("d/s", "..")
                .writeTo(tmp.resolve("a.tar.gz"));
        // d/s -> ".." resolves to the root: fine; d/a -> s/../x -> (root)/../x escapes only through d/s
        assertRejected(archive, "d/a", "through another link");
    }

    @Test
    void extract_whenHardLinkPointsOutside_rejectsIt() throws IOException {
        assertRejected(new RawTar().hardLink("h", "/etc/passwd").writeTo(tmp.resolve("a.tar.gz")), "h", "absolute");
        assertRejected(new RawTar().hardLink("h", "../x").writeTo(tmp.resolve("b.tar.gz")), "h", "'..'");
        assertRejected(new RawTar().hardLink("h", "missing").writeTo(tmp.resolve("c.tar.gz")), "h", "regular file");
    }

    @Test
    void extract_whenHardLinkNamesAnEarlierFile_linksIt() throws IOException {
        Path archive = new RawTar().file("a.txt", "same").hardLink("b.txt", "a.txt").writeTo(tmp.resolve("a.tar.gz"));
        Path dst = TarGz.create().extract(archive, tmp.resolve("dst"));
        assertThat(Files.readString(dst.resolve("b.txt"))).isEqualTo("same");
    }

    @Test
    void extract_whenAnEntryRepeats_theLastOneWins() throws IOException {
        RawTar raw = new RawTar();
        for (int i = 0; i < 300; i++) {
            raw.file("f" + (i % 3) + ".txt", "v" + i);
        }
        Path dst = TarGz.create().extract(raw.writeTo(tmp.resolve("a.tar.gz")), tmp.resolve("dst"));
        assertThat(Files.readString(dst.resolve("f2.txt"))).isEqualTo("v299");
        assertThat(Files.readString(dst.resolve("f0.txt"))).isEqualTo("v297");
    }

    @Test
    void extract_whenAFileIsUsedAsAFolder_rejectsItAndLeavesNothing() throws IOException {
        Path archive = new RawTar().file("a", "file").file("a/b.txt", "below a file").writeTo(tmp.resolve("a.tar.gz"));
        assertRejected(archive, "a/b.txt", "not a folder");
    }

    @Test
    void extract_whenEntryIsADeviceOrFifo_rejectsIt() throws IOException {
        assertRejected(new RawTar().entry("null", '3', 0, "").writeTo(tmp.resolve("a.tar.gz")), "null", "character device");
        assertRejected(new RawTar().entry("fifo", '6', 0, "").writeTo(tmp.resolve("b.tar.gz")), "fifo", "FIFO");
    }

    @Test
    void extract_whenContentExceedsTheSizeCap_rejectsIt() throws IOException {
        Path archive = new RawTar().file("a.txt", "x".repeat(600)).file("b.txt", "y".repeat(600)).writeTo(tmp.resolve("a.tar.gz"));
        TarGz small = TarGz.builder().limits(ExtractionLimits.defaults().withMaxTotalBytes(1000)).build();
        assertThatThrownBy(() -> small.extract(archive, tmp.resolve("dst")))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("\"b.txt\"").hasMessageContaining("maxTotalBytes");
        assertThat(tmp.resolve("dst")).doesNotExist();
    }

    @Test
    void extract_whenTheArchiveExpandsLikeABomb_rejectsItByDefaultAndLeavesNothing() throws IOException {
        Path archive = zeros(64);

        assertThat(Files.size(archive)).as("a bomb: 64 MiB from a few KiB").isLessThan(200_000);
        assertThatThrownBy(() -> TarGz.create().extract(archive, tmp.resolve("dst")))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("\"zeros.bin\"")
                .hasMessageContaining("expands").hasMessageContaining("maxCompressionRatio=100");
        assertThat(tmp.resolve("dst")).doesNotExist();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).as("no temporary folder is left").allMatch(p -> p.equals(archive) || p.getFileName().toString().equals("src"));
        }
    }

    @Test
    void extract_whenTheRatioCapIsRaisedForATrustedArchive_extractsIt() throws IOException {
        Path archive = zeros(32);
        TarGz trusting = TarGz.builder().limits(ExtractionLimits.defaults().withMaxCompressionRatio(5000)).build();

        trusting.extract(archive, tmp.resolve("dst"));

        assertThat(Files.size(tmp.resolve("dst/zeros.bin"))).isEqualTo(32L * 1024 * 1024);
    }

    @Test
    void extract_whenTheArchiveIsSmallOrOrdinary_theRatioIsNoObstacle() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        byte[] text = new byte[24 * 1024 * 1024];
        Random random = new Random(7);
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) ('0' + random.nextInt(10)); // digits, as in a CSV or a model's JSON: about 2x
        }
        Files.write(src.resolve("data.csv"), text);
        Files.write(src.resolve("empty.bin"), new byte[1024 * 1024]);
        Path archive = TarGz.create().pack(src, tmp.resolve("ordinary.tar.gz"));

        TarGz.create().extract(archive, tmp.resolve("dst"));

        assertThat(Files.size(tmp.resolve("dst/data.csv"))).isEqualTo(text.length);
    }

    @Test
    void limits_whenRatioBelowTwo_areRefusedNamingTheField() {
        assertThatThrownBy(() -> ExtractionLimits.defaults().withMaxCompressionRatio(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxCompressionRatio");
    }

    /** A tar.gz of one file of {@code mib} MiB of zeros. */
    private Path zeros(int mib) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        try (var out = Files.newOutputStream(src.resolve("zeros.bin"))) {
            byte[] block = new byte[1024 * 1024];
            for (int i = 0; i < mib; i++) {
                out.write(block);
            }
        }
        Path archive = TarGz.create().pack(src, tmp.resolve("bomb.tar.gz"));
        Files.delete(src.resolve("zeros.bin"));
        return archive;
    }

    @Test
    void extract_whenEntriesExceedTheCountCap_rejectsIt() throws IOException {
        RawTar raw = new RawTar();
        for (int i = 0; i < 5; i++) {
            raw.file("f" + i, "");
        }
        Path archive = raw.writeTo(tmp.resolve("a.tar.gz"));
        TarGz small = TarGz.builder().limits(ExtractionLimits.defaults().withMaxEntries(3)).build();
        assertThatThrownBy(() -> small.extract(archive, tmp.resolve("dst")))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("\"f3\"").hasMessageContaining("maxEntries");
    }

    @Test
    void extract_whenPaxPathClimbs_rejectsIt() throws IOException {
        Path archive = new RawTar().pax("x", "27 path=../../pax-evil.txt\n").file("innocent.txt", "x")
                .writeTo(tmp.resolve("a.tar.gz"));
        assertRejected(archive, "../../pax-evil.txt", "'..'");
    }

    @Test
    void extract_whenRejected_leavesThePreviousContentUntouched() throws IOException {
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        Files.writeString(dst.resolve("a.txt"), "before");
        Path archive = new RawTar().file("a.txt", "after").file("../evil", "x").writeTo(tmp.resolve("a.tar.gz"));
        assertThatThrownBy(() -> TarGz.create().extract(archive, dst)).isInstanceOf(UnsafeArchiveException.class);
        assertThat(Files.readString(dst.resolve("a.txt"))).isEqualTo("before");
        assertThat(leftovers(tmp)).isEmpty();
    }

    @Test
    void extract_whenArchiveIsTruncated_failsAndLeavesNothing() throws IOException {
        Path src = sampleFolder(tmp.resolve("src"));
        Path archive = TarGz.create().pack(src, tmp.resolve("a.tar.gz"));
        byte[] all = Files.readAllBytes(archive);
        Path cut = Files.write(tmp.resolve("cut.tar.gz"), java.util.Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> TarGz.create().extract(cut, tmp.resolve("dst"))).isInstanceOf(ArchiveException.class)
                .hasMessageContaining("truncated");
        assertThat(tmp.resolve("dst")).doesNotExist();
        assertThat(leftovers(tmp)).isEmpty();
    }

    @Test
    void extract_whenArchiveIsMissing_throwsNotFound() {
        assertThatThrownBy(() -> TarGz.create().extract(tmp.resolve("none.tar.gz"), tmp.resolve("dst")))
                .isInstanceOf(ArchiveNotFoundException.class);
    }

    @Test
    void extract_whenDataIsNotGzip_saysSo() throws IOException {
        Path bogus = Files.writeString(tmp.resolve("a.tar.gz"), "hello, not gzip");
        assertThatThrownBy(() -> TarGz.create().extract(bogus, tmp.resolve("dst"))).isInstanceOf(ArchiveException.class)
                .hasMessageContaining("not gzip");
    }

    @Test
    void extract_whenArchiveHasSeveralGzipMembers_readsThemAll() throws IOException {
        byte[] a = new RawTar().file("a.txt", "first").gzipped();
        // A second member holding only more tar data: strip the end marker by writing the tar by hand.
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(new RawTar().file("a.txt", "first").file("b.txt", "second").gzipped()))) {
            in.transferTo(tar);
        }
        byte[] bytes = tar.toByteArray();
        ByteArrayOutputStream twoMembers = new ByteArrayOutputStream();
        for (byte[] part : new byte[][] {java.util.Arrays.copyOf(bytes, 1024), java.util.Arrays.copyOfRange(bytes, 1024, bytes.length)}) {
            try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(twoMembers) {
                @Override
                public void close() throws IOException {
                    finish();
                }
            }) {
                gz.write(part);
            }
        }
        Path dst = TarGz.create().extract(new NoAvailable(new ByteArrayInputStream(twoMembers.toByteArray())), tmp.resolve("dst"), "two");
        assertThat(Files.readString(dst.resolve("b.txt"))).isEqualTo("second");
        assertThat(a).isNotEmpty();
    }

    @Test
    void builder_whenLevelIsOutOfRange_reportsTheField() {
        assertThatThrownBy(() -> TarGz.builder().compressionLevel(11).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("compressionLevel");
    }

    private static void assertRejected(Path archive, String entry, String rule) {
        Path dst = archive.resolveSibling("dst-" + archive.getFileName());
        assertThatThrownBy(() -> TarGz.create().extract(archive, dst))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("\"" + entry + "\"")
                .hasMessageContaining(rule);
        assertThat(dst).doesNotExist();
        assertThat(leftovers(archive.getParent())).isEmpty();
    }

    private static List<Path> leftovers(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path sampleFolder(Path root) throws IOException {
        Files.createDirectories(root.resolve("deep/er/est"));
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(root.resolve("a.txt"), "alpha");
        Files.writeString(root.resolve("deep/er/est/b.json"), "{\"b\": 1}");
        byte[] bin = new byte[700_000];
        new Random(7).nextBytes(bin);
        Files.write(root.resolve("deep/weights.bin"), bin);
        Files.writeString(root.resolve("run.sh"), "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(root.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(root.resolve("link-to-a"), Path.of("a.txt"));
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setLastModifiedTime(p, FileTime.from(MTIME, TimeUnit.SECONDS));
                }
            }
        }
        return root;
    }

    /** Same relative paths, types, file contents, link targets, permission bits and (for non-links) times. */
    static void assertSameTree(Path expected, Path actual) throws IOException {
        assertThat(describe(actual)).isEqualTo(describe(expected));
    }

    private static List<String> describe(Path root) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted().toList()) {
                if (p.equals(root)) {
                    continue;
                }
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    lines.add(rel + " -> " + Files.readSymbolicLink(p));
                } else {
                    String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                    long mtime = Files.getLastModifiedTime(p).to(TimeUnit.SECONDS);
                    String content = Files.isDirectory(p) ? "dir" : Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(p)));
                    lines.add(rel + " " + perms + " " + mtime + " " + content);
                }
            }
        }
        return lines;
    }

    static boolean hasGnuTar() {
        try {
            Process p = new ProcessBuilder("tar", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 && out.contains("GNU tar");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void run(String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A stream whose available() is always 0, as network streams often are. */
    private static final class NoAvailable extends java.io.FilterInputStream {
        NoAvailable(InputStream in) {
            super(in);
        }

        @Override
        public int available() {
            return 0;
        }
    }
}
