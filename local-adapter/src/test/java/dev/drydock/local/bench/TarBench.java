package dev.drydock.local.bench;

import dev.drydock.archive.TarGz;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Benchmark (not a test): packing and unpacking with core's {@link TarGz} against GNU {@code tar czf} /
 * {@code tar xzf} on the same folders, printing wall-clock and CPU times (user + system; GNU's through
 * {@code /usr/bin/time}, children included) and the ratios GNU/drydock (above 1 means drydock is faster).
 *
 * <p>Run: {@code ./mvnw -B -o -q -pl local-adapter test-compile exec:java@tar-bench} (see PERFORMANCE.md).
 * System properties: {@code bench.dir} (work folder, default {@code /tmp/drydock-tar-bench}), {@code bench.runs}
 * (measured runs per case, default 3; the median is reported), {@code bench.modelMb} (default 200),
 * {@code bench.smallFiles} (default 20000).
 */
public final class TarBench {
    private TarBench() {
    }

    /** Generates the data sets, measures, prints a table. */
    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("bench.dir", "/tmp/drydock-tar-bench"));
        int runs = Integer.getInteger("bench.runs", 3);
        int modelMb = Integer.getInteger("bench.modelMb", 200);
        int smallFiles = Integer.getInteger("bench.smallFiles", 20000);
        Files.createDirectories(work);
        Path model = work.resolve("model");
        Path small = work.resolve("small-files");
        if (!Files.isDirectory(model)) {
            generateModel(model, modelMb);
        }
        if (!Files.isDirectory(small)) {
            generateSmallFiles(small, smallFiles);
        }
        TarGz tarGz = TarGz.create();
        System.out.printf(Locale.ROOT, "drydock TarGz (level %d, %d threads) vs GNU tar + gzip; %d processors; load average %s; median of %d alternating runs%n",
                tarGz.compressionLevel(), tarGz.parallelism(), Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim(), runs);
        System.out.printf(Locale.ROOT, "%-30s %8s %8s %8s %8s %8s %8s %11s %11s%n", "case", "GNU wall", "dd wall", "ratio",
                "GNU cpu", "dd cpu", "ratio", "GNU bytes", "dd bytes");
        for (Path folder : List.of(model, small)) {
            bench(work, folder, tarGz, runs);
        }
    }

    private static void bench(Path work, Path folder, TarGz tarGz, int runs) throws Exception {
        String name = folder.getFileName().toString();
        Path gnuArchive = work.resolve(name + ".gnu.tar.gz");
        Path ourArchive = work.resolve(name + ".drydock.tar.gz");
        Path out = work.resolve("out");
        // Warm-up: the JIT, and the page cache for both readers.
        tarGz.pack(folder, ourArchive);
        gnu("tar", "-czf", gnuArchive.toString(), "-C", folder.toString(), ".");
        tarGz.extract(gnuArchive, out);
        delete(out);

        // The two tools alternate run by run, so that load from other processes hits both alike.
        double[] pack = alternate(runs, () -> gnu("tar", "-czf", gnuArchive.toString(), "-C", folder.toString(), "."),
                () -> tarGz.pack(folder, ourArchive), null);
        row(name + " pack", pack, Files.size(gnuArchive), Files.size(ourArchive));
        double[] unpack = alternate(runs, () -> {
            Files.createDirectories(out);
            gnu("tar", "-xzf", gnuArchive.toString(), "-C", out.toString());
        }, () -> tarGz.extract(gnuArchive, out), out);
        row(name + " unpack (GNU archive)", unpack, -1, -1);
        double[] own = alternate(runs, () -> {
            Files.createDirectories(out);
            gnu("tar", "-xzf", ourArchive.toString(), "-C", out.toString());
        }, () -> tarGz.extract(ourArchive, out), out);
        row(name + " unpack (drydock archive)", own, -1, -1);
    }

    /** Medians of {@code runs} alternating runs of both steps; {@code sync} before each so write-back does not carry over. */
    private static double[] alternate(int runs, Step gnu, Step ours, Path cleanAfter) throws Exception {
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        List<Double> ca = new ArrayList<>();
        List<Double> cb = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            a.add(timed(gnu, cleanAfter, ca, true));
            b.add(timed(ours, cleanAfter, cb, false));
        }
        return new double[] {median(a), median(b), median(ca), median(cb)};
    }

    private static double timed(Step step, Path cleanAfter, List<Double> cpu, boolean isGnu) throws Exception {
        if (cleanAfter != null) {
            delete(cleanAfter);
        }
        gnu("sync");
        lastGnuCpu = 0;
        long cpuStart = OS.getProcessCpuTime();
        long start = System.nanoTime();
        step.run();
        double wall = (System.nanoTime() - start) / 1e9;
        cpu.add(isGnu ? lastGnuCpu : (OS.getProcessCpuTime() - cpuStart) / 1e9);
        return wall;
    }

    private static double median(List<Double> times) {
        times.sort(Double::compare);
        return times.get(times.size() / 2);
    }

    private static void row(String label, double[] t, long gnuBytes, long ourBytes) {
        System.out.printf(Locale.ROOT, "%-30s %8.3f %8.3f %7.2fx %8.3f %8.3f %7.2fx %11s %11s%n", label, t[0], t[1], t[0] / t[1],
                t[2], t[3], t[2] / t[3], gnuBytes < 0 ? "" : Long.toString(gnuBytes), ourBytes < 0 ? "" : Long.toString(ourBytes));
    }

    private interface Step {
        void run() throws Exception;
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private static double lastGnuCpu;

    /** Runs a command under /usr/bin/time (when present) to learn its CPU time (user + system, children included). */
    private static void gnu(String... command) throws IOException, InterruptedException {
        Path times = Files.createTempFile("bench-time", ".txt");
        List<String> cmd = new ArrayList<>();
        boolean timed = Files.isExecutable(Path.of("/usr/bin/time")) && !command[0].equals("sync");
        if (timed) {
            cmd.addAll(List.of("/usr/bin/time", "-f", "%U %S", "-o", times.toString()));
        }
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
        if (timed) {
            String[] t = Files.readString(times).trim().split("\\s+");
            lastGnuCpu = Double.parseDouble(t[t.length - 2]) + Double.parseDouble(t[t.length - 1]);
        }
        Files.deleteIfExists(times);
    }

    /** A model-like folder: float weights (half compressible), a CSV, a JSON, random bytes, some metadata files. */
    static void generateModel(Path dir, int totalMb) throws IOException {
        Files.createDirectories(dir.resolve("checkpoints"));
        Random r = new Random(42);
        long weights = totalMb * 1024L * 1024 * 55 / 100;
        writeFloats(dir.resolve("xgboost-model.bin"), weights / 2, r);
        writeFloats(dir.resolve("checkpoints/epoch-10.bin"), weights / 2, r);
        long text = totalMb * 1024L * 1024 * 25 / 100;
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("predictions.csv"))) {
            long written = 0;
            w.write("id,price,score,label\n");
            for (int i = 0; written < text; i++) {
                String line = i + "," + (100000 + r.nextInt(400000)) + "," + String.format(Locale.ROOT, "%.6f", r.nextDouble())
                        + "," + (r.nextBoolean() ? "good" : "bad") + "\n";
                w.write(line);
                written += line.length();
            }
        }
        byte[] noise = new byte[(int) (totalMb * 1024L * 1024 * 20 / 100)];
        r.nextBytes(noise);
        Files.write(dir.resolve("embeddings.npy.gz"), noise);
        for (int i = 0; i < 50; i++) {
            Files.writeString(dir.resolve("meta-" + i + ".json"), "{\"feature\": \"f" + i + "\", \"importance\": " + r.nextDouble() + "}\n");
        }
    }

    private static void writeFloats(Path file, long bytes, Random r) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        try (var ch = Files.newByteChannel(file, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
            long written = 0;
            while (written < bytes) {
                b.clear();
                while (b.remaining() >= 4) {
                    b.putFloat((float) (r.nextGaussian() * 0.05));
                }
                b.flip();
                written += ch.write(b);
            }
        }
    }

    /** A tree of many small files (0.1 to 8 KiB of text) in 200 folders, like a tokenizer or a source tree. */
    static void generateSmallFiles(Path dir, int count) throws IOException {
        Random r = new Random(7);
        for (int i = 0; i < count; i++) {
            Path d = dir.resolve("part-" + (i % 200) + "/sub-" + (i % 7));
            Files.createDirectories(d);
            StringBuilder s = new StringBuilder();
            int size = 100 + r.nextInt(8000);
            while (s.length() < size) {
                s.append("token_").append(r.nextInt(5000)).append(' ');
            }
            Files.writeString(d.resolve("file-" + i + ".txt"), s);
        }
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
