package dev.drydock.local.bench;

import dev.drydock.archive.TarGz;
import dev.drydock.core.model.JobDescription;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.JobState;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.TrainingBackend;
import dev.drydock.local.DirectoryStorageFake;
import dev.drydock.local.job.StorageModelPublisher;
import dev.drydock.local.process.ChildProcessTrainingBackend;
import dev.drydock.local.docker.DockerTrainingBackend;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Job overhead of the local training backends against the floor each cannot beat (not a timed test).
 *
 * <p>Overhead = time from {@code submit} to the model extracted on disk, minus the trainer's own run time (from
 * entering its {@code main} to leaving it, read from its log by a metric definition). Floors: a bare JVM start of the
 * same trainer main that exits at once ({@code java ... BenchTrainer noop}) for the process backend; a bare
 * {@code docker run --rm --pull=never --network none IMAGE} of the same image and main for the Docker backend.
 *
 * <p>Run (after {@code ./mvnw -o -pl local-adapter test-compile}; for Docker, a daemon and the base image
 * {@code drydock/jre:17}; the test image is rebuilt):
 * <pre>
 * cd local-adapter && ../mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.drydock.local.bench.BackendOverheadBench [process|docker|both] [runs]
 * </pre>
 */
public final class BackendOverheadBench {
    private static final List<String> FAST_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");
    private static final String IMAGE = dev.drydock.local.docker.ScriptedImage.IMAGE;

    private BackendOverheadBench() {
    }

    /** Runs the benchmark of {@code process}, {@code docker} or {@code both} (default) with {@code runs} runs. */
    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "both";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path work = Files.createTempDirectory("drydock-bench");
        Path data = Files.createDirectories(work.resolve("data/train"));
        Files.writeString(data.resolve("train.csv"), "a,b\n1,2\n");
        DirectoryStorageFake storage = new DirectoryStorageFake();
        if (!which.equals("docker")) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classes = Path.of(BenchTrainer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(FAST_JVM);
            command.addAll(List.of("-cp", classes, BenchTrainer.class.getName()));
            List<String> floorCommand = new ArrayList<>(command);
            floorCommand.add("noop");
            TrainingBackend backend = ChildProcessTrainingBackend.builder().jobRoot(work.resolve("jobs-process"))
                    .storage(storage).modelPublisher(new StorageModelPublisher(storage)).command(command).build();
            List<Double> floors = new ArrayList<>();
            report("process (child JVM)", measure(backend, storage, data, work, runs, List.of(), floorCommand, floors), floors);
        }
        if (!which.equals("process")) {
            try (var client = dev.drydock.local.docker.DockerClients.create(dev.drydock.local.docker.DockerClients.defaultHost())) {
                // (Re)builds the test image with this module's test classes, BenchTrainer among them.
                dev.drydock.local.docker.ScriptedImage.prepare(client).ifPresent(why -> {
                    throw new IllegalStateException(why);
                });
            }
            List<String> entry = new ArrayList<>(List.of("java"));
            entry.addAll(FAST_JVM);
            entry.addAll(List.of("-cp", "/app/local-test", BenchTrainer.class.getName()));
            List<String> floorCommand = new ArrayList<>(List.of("docker", "run", "--rm", "--pull=never", "--network", "none",
                    "--entrypoint", "java", IMAGE));
            floorCommand.addAll(FAST_JVM);
            floorCommand.addAll(List.of("-cp", "/app/local-test", BenchTrainer.class.getName(), "noop"));
            TrainingBackend backend = DockerTrainingBackend.builder().jobRoot(work.resolve("jobs-docker"))
                    .storage(storage).modelPublisher(new StorageModelPublisher(storage)).build();
            List<Double> floors = new ArrayList<>();
            report("docker", measure(backend, storage, data, work, runs, entry, floorCommand, floors), floors);
        }
    }

    private static List<Double> measure(TrainingBackend backend, DirectoryStorageFake storage, Path data, Path work,
                                         int runs, List<String> entrypoint, List<String> floorCommand, List<Double> floors)
            throws Exception {
        List<Double> overheads = new ArrayList<>();
        for (int i = -3; i < runs; i++) {
            // The floor runs right before each job, so that both see the same machine load.
            double floorMillis = floorOnce(floorCommand);
            if (i >= 0) {
                floors.add(floorMillis);
            }
            TrainingJobSpec spec = TrainingJobSpec.builder().name(JobName.generate("bench")).image(IMAGE)
                    .containerEntrypoint(entrypoint).channel("train", StorageUri.of(data))
                    .outputPath(StorageUri.of(work).resolve("out/")).metric("trainer_millis", "trainer-millis: ([0-9.]+)").build();
            Path extracted = work.resolve("extracted-" + spec.name());
            long start = System.nanoTime();
            backend.submit(spec);
            JobDescription d = backend.describe(spec.name());
            while (!d.state().isTerminal()) {
                Thread.sleep(2);
                d = backend.describe(spec.name());
            }
            if (d.state() != JobState.COMPLETED) {
                throw new IllegalStateException("bench job " + spec.name() + " ended " + d.state() + ": " + d.failureReason());
            }
            Path archive = storage.get(d.modelArtifact(), work.resolve(spec.name() + ".tar.gz"));
            TarGz.create().extract(archive, extracted);
            double totalMillis = (System.nanoTime() - start) / 1e6;
            if (!Files.exists(extracted.resolve("model.txt"))) {
                throw new IllegalStateException("the model was not extracted");
            }
            double trainerMillis = d.finalMetrics().getOrDefault("trainer_millis", 0.0);
            if (i >= 0) {
                overheads.add(totalMillis - trainerMillis);
            }
            if (System.getProperty("bench.verbose") != null) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "floor %.1f total %.1f trainer %.1f |",
                        floorMillis, totalMillis, trainerMillis));
                java.time.Instant t0 = d.created();
                for (var t : d.transitions()) {
                    line.append(' ').append(t.status().wireName()).append('@')
                            .append(Duration.between(t0, t.started()).toNanos() / 1e6);
                }
                System.out.println(line);
            }
        }
        return overheads;
    }

    private static double floorOnce(List<String> command) throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
        int code = p.waitFor();
        double millis = (System.nanoTime() - start) / 1e6;
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + code);
        }
        return millis;
    }

    private static void report(String name, List<Double> overheads, List<Double> floors) {
        double overhead = median(overheads);
        double floor = median(floors);
        System.out.printf(Locale.ROOT, "%-20s overhead median %7.1f ms (min %7.1f, max %7.1f) | floor median %7.1f ms (min %7.1f,"
                        + " max %7.1f) | ratio %.2fx (n=%d)%n", name, overhead, Collections.min(overheads), Collections.max(overheads),
                floor, Collections.min(floors), Collections.max(floors), overhead / floor, overheads.size());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
