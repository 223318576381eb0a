package dev.drydock.aws;

import dev.drydock.core.model.StorageUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Benchmark, not a timed test: uploads a 1 GiB folder of files to S3Mock on 127.0.0.1 with {@link S3Storage} (Transfer
 * Manager) and with the AWS CLI ({@code aws s3 cp --recursive}) to the same server, and prints the ratio CLI time /
 * drydock time (target at least 1). Runs only with {@code -Ddrydock.bench=true}; results go to PERFORMANCE.md by hand.
 *
 * <pre>./mvnw -B -o -pl aws-adapter verify -Dit.test=S3UploadBenchmarkIT -Ddrydock.bench=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class S3UploadBenchmarkIT {
    private static final int FILES = Integer.getInteger("drydock.bench.files", 32);
    private static final int FILE_MIB = Integer.getInteger("drydock.bench.fileMiB", 32);
    private static final int ROUNDS = Integer.getInteger("drydock.bench.rounds", 2);
    /** drydock's defaults unless set: the benchmark measures what users get. */
    private static final Integer CONCURRENCY = Integer.getInteger("drydock.bench.concurrency");
    private static final Integer PART_MIB = Integer.getInteger("drydock.bench.partMiB");

    private static AwsBackend.Builder configured(AwsBackend.Builder builder) {
        if (CONCURRENCY != null) {
            builder.maxConcurrency(CONCURRENCY);
        }
        if (PART_MIB != null) {
            builder.multipart((long) PART_MIB << 20, (long) PART_MIB << 20);
        }
        return builder;
    }

    @Test
    void upload_oneGibFolder_comparedWithAwsCli(@TempDir Path tmp) throws Exception {
        assumeTrue(Boolean.getBoolean("drydock.bench"), "benchmark: run with -Ddrydock.bench=true");
        assumeTrue(cliWorks(), "the AWS CLI (aws) is not installed: apt-get install -y awscli");
        Path folder = makeFolder(tmp.resolve("data"));
        long bytes = (long) FILES * FILE_MIB << 20;
        try (S3MockServer server = S3MockServer.start("bench"); AwsBackend aws = configured(server.backend()).build()) {
            // Warm up the JVM's and the server's code paths (multipart, several files) before measuring.
            Path warmup = Files.createDirectories(tmp.resolve("warmup"));
            for (int i = 0; i < 4; i++) {
                Files.copy(folder.resolve("f000.bin"), warmup.resolve("w" + i + ".bin"));
            }
            aws.storage().put(warmup, StorageUri.s3("bench", "warmup/"));
            runCli(warmup, server, "s3://bench/warmup-cli/");
            List<String> lines = new ArrayList<>();
            double bestDrydock = Double.MAX_VALUE;
            double bestCli = Double.MAX_VALUE;
            for (int round = 1; round <= ROUNDS; round++) {
                // Alternate which tool goes first, so that neither always meets a server busy flushing the other's writes.
                boolean drydockFirst = round % 2 == 1;
                double drydock = 0;
                double cli = 0;
                for (int turn = 0; turn < 2; turn++) {
                    long t0 = System.nanoTime();
                    if ((turn == 0) == drydockFirst) {
                        aws.storage().put(folder, StorageUri.s3("bench", "drydock-" + round + "/"));
                        drydock = (System.nanoTime() - t0) / 1e9;
                    } else {
                        runCli(folder, server, "s3://bench/cli-" + round + "/");
                        cli = (System.nanoTime() - t0) / 1e9;
                    }
                }
                bestDrydock = Math.min(bestDrydock, drydock);
                bestCli = Math.min(bestCli, cli);
                lines.add(String.format("round %d (%s first): drydock %.2f s (%.0f MiB/s), aws cli %.2f s (%.0f MiB/s), ratio %.2f",
                        round, drydockFirst ? "drydock" : "cli", drydock, (bytes >> 20) / drydock, cli, (bytes >> 20) / cli, cli / drydock));
            }
            lines.add(String.format("best: drydock %.2f s, aws cli %.2f s, ratio (cli/drydock) %.2f", bestDrydock, bestCli,
                    bestCli / bestDrydock));
            lines.forEach(l -> System.out.println("BENCH " + FILES + "x" + FILE_MIB + "MiB concurrency " + (CONCURRENCY == null ? "default" : CONCURRENCY)
                    + " part " + (PART_MIB == null ? "default" : PART_MIB + "MiB") + " " + l));
        }
    }

    private static Path makeFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        byte[] block = new byte[1 << 20];
        Random random = new Random(7);
        for (int i = 0; i < FILES; i++) {
            try (OutputStream out = Files.newOutputStream(folder.resolve(String.format("f%03d.bin", i)))) {
                for (int m = 0; m < FILE_MIB; m++) {
                    random.nextBytes(block); // incompressible, like real training data after compression
                    out.write(block);
                }
            }
        }
        return folder;
    }

    private static boolean cliWorks() {
        try {
            Process p = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void runCli(Path folder, S3MockServer server, String target) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("aws", "s3", "cp", "--recursive", "--only-show-errors",
                "--endpoint-url", server.endpoint().toString(), folder.toString(), target);
        pb.environment().put("AWS_ACCESS_KEY_ID", "s3mock-access-key");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "s3mock-secret-key");
        pb.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        pb.inheritIO();
        Process p = pb.start();
        if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError("aws s3 cp failed with exit code " + (p.isAlive() ? "(timeout)" : p.exitValue()));
        }
    }
}
