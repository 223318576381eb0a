package dev.drydock.examples.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue of bad inputs a new user types at the command line, in one place: each row is a mistake (numbered as
 * in the issue that found it), the command, the exit code the README promises (2: bad input or configuration) and
 * what the one-line message must and must not say. Every row also checks that the refusal changed nothing: the
 * {@code --home} folder is exactly as it was before the command.
 *
 * <p>Placeholders in the arguments: {@code {home}} a fresh home folder per row, {@code {model}} a model trained once
 * for the whole catalogue (the quick search) as job {@value #TRAINED_JOB} under {@code {trained}}, {@code {data}} a
 * scratch folder per row holding the files a row made. The trained home must be unchanged after every row too.
 * Faults that need a running job (a killed JVM, a full disk, a Docker name clash) live beside the code they test;
 * this table is what a user can get wrong by typing.
 */
class BadInputCatalogueTest {
    @TempDir
    static Path shared;

    private static Path model;
    private static Path trainedHome;
    /** The job the catalogue trains once, under {@link #trainedHome}. */
    private static final String TRAINED_JOB = "catalogue-job";

    @BeforeAll
    static void trainOneModel() throws IOException {
        Path home = shared.resolve("trained");
        trainedHome = home;
        ConsoleCapture r = ConsoleCapture.run("train", "--quick", "--no-logs", "--home", home.toString(), "--job-name", TRAINED_JOB);
        assertThat(r.exitCode).as(r.err).isZero();
        try (Stream<Path> jobs = Files.list(home.resolve("models"))) {
            model = jobs.findFirst().orElseThrow().resolve("model");
        }
    }

    /** One mistake: the command, what must be said, what must not. */
    record Mistake(String id, String what, List<String> args, int exitCode, List<String> says, List<String> neverSays,
                   Setup setup) {
        @Override
        public String toString() {
            return id + " " + what;
        }
    }

    /** Files a row needs in its scratch folder before the command runs. */
    interface Setup {
        void prepare(Path data) throws IOException;
    }

    private static Mistake row(String id, String what, String args, String says, String neverSays) {
        return row(id, what, args, says, neverSays, data -> { });
    }

    private static Mistake row(String id, String what, String args, String says, String neverSays, Setup setup) {
        return row(id, what, args, ErrorReporter.EXIT_BAD_INPUT, says, neverSays, setup);
    }

    private static Mistake row(String id, String what, String args, int exitCode, String says, String neverSays, Setup setup) {
        return new Mistake(id, what, List.of(args.split(" ")), exitCode,
                List.of(says.split("\\|")), neverSays.isEmpty() ? List.of() : List.of(neverSays.split("\\|")), setup);
    }

    static Stream<Mistake> mistakes() {
        String train = "train --quick --no-logs --home {home} ";
        return Stream.of(
                row("7", "a misspelt hyperparameter", train + "--hyperparameter max_dept=3",
                        "--hyperparameter \"max_dept=3\"|did you mean max_depth?", "--verbose|strategy="),
                row("7", "a checkpoint location the local backend's storage does not serve, found before the upload",
                        train + "--spot --checkpoints s3://some-bucket/ckpt/", "checkpoint.uri|s3://some-bucket/ckpt/|file://",
                        "--verbose"),
                row("7", "a checkpoint location that is no URI", train + "--checkpoints ckpt", "--checkpoints \"ckpt\"|file:///",
                        "--verbose"),
                row("7", "--out is a file", train + "--out {data}/out.txt",
                        "--out|is a file, not a folder", "",
                        data -> Files.writeString(data.resolve("out.txt"), "keep me")),
                row("14", "a negative ISO-8601 --timeout", train + "--timeout PT-5M",
                        "--timeout|\"PT-5M\" must be positive", "maxRuntime"),
                row("14", "a --timeout in words", train + "--timeout 10minutes",
                        "--timeout|is not a duration|10m", "java.time.Duration"),
                row("14", "--memory in an unknown unit", train + "--docker --memory 2gigs",
                        "--memory|2gigs|2g", "memoryLimit|LocalConfig"),
                row("14", "a malformed --docker-host", train + "--docker --docker-host tcp://a%b:1",
                        "--docker-host|tcp://a%b:1", "at index"),
                row("14", "--image that the process backend cannot run", train + "--image my/trainer:1",
                        "my/trainer:1|--docker", "docker build"),
                row("14", "--memory without --docker", train + "--memory 2g",
                        "--memory|docker", "LocalConfig"),
                row("16", "a misspelt option", "train --home {home} --quik",
                        "--quik|--quick|--help", "Usage:"),
                row("16", "predict without --model", "predict --input {data}/t.csv",
                        "--model", "Usage:"),
                row("11", "an unknown --backend", "train --home {home} --backend kubernetes",
                        "kubernetes|process|docker|sagemaker", ""),
                row("11", "--backend sagemaker with no bucket", "train --home {home} --backend sagemaker --bucket=",
                        "--bucket|DRYDOCK_BUCKET", ""),
                row("15", "--data that lacks train.csv", train + "--data {data}",
                        "train.csv|--data", ""),
                row("15", "predict with a --model that does not exist", "predict --model {data}/nope --input {data}/t.csv",
                        "{data}/nope|does not exist", "expected xgboost-model.json"),
                row("15", "predict with a folder that is not a model", "predict --model {data} --input {data}/t.csv",
                        "not a drydock model", "Jackson|JsonParse"),
                row("15", "predict with a junk model file", "predict --model {data}/m --input {data}/t.csv",
                        "{data}/m", "Jackson|JsonParse|Unrecognized token",
                        data -> {
                            Files.createDirectories(data.resolve("m"));
                            Files.writeString(data.resolve("m/xgboost-model.json"), "junk");
                            Files.writeString(data.resolve("m/preprocessing.json"), "junk");
                        }),
                row("16", "predict with an --input that does not exist", "predict --model {model} --input {data}/none.csv",
                        "{data}/none.csv", "cannot read CSV file {data}/none.csv: {data}/none.csv"),
                row("15", "predict with an --input that is a folder", "predict --model {model} --input {data}",
                        "{data}|folder", "must exist"),
                row("15", "predict with a ';'-delimited --input", "predict --model {model} --input {data}/semi.csv --output {data}/o.csv",
                        "';'", "",
                        data -> Files.writeString(data.resolve("semi.csv"), "Id;LotArea;YearBuilt\n1;8450;2003\n")),
                row("16", "predict with an --input that lacks the model's columns",
                        "predict --model {model} --input {data}/few.csv --output {data}/o.csv",
                        "{data}/few.csv|column", "",
                        data -> Files.writeString(data.resolve("few.csv"), "Id,LotArea\n1,8450\n")),
                row("5", "predict with --output equal to --input",
                        "predict --model {model} --input {data}/t.csv --output {data}/t.csv",
                        "is the input|choose another output file", "",
                        data -> Files.writeString(data.resolve("t.csv"), "Id,LotArea\n1,8450\n")),
                row("16", "describe a job that does not exist", "describe --home {home} no-such-job",
                        "no-such-job|not found", ""),
                row("17", "jobs with a negative --max", "jobs --home {home} --max=-1",
                        "max|-1|at least 1", ""),
                row("14", "--backend sagemaker with no region anywhere",
                        "train --home {home} --backend sagemaker --bucket my-bucket --role arn:aws:iam::123456789012:role/r",
                        "region|--region|AWS_REGION", "AwsBackend|builder()"),
                row("15", "predict with a field over 16 MiB (the issue's was 50 MB)",
                        "predict --model {model} --input {data}/big.csv --output {data}/o.csv",
                        "{data}/big.csv|line 2|longer than 16 MiB", "internal error|Exception when reading",
                        data -> Files.writeString(data.resolve("big.csv"), "Id,LotArea\n1," + "9".repeat(20 << 20) + "\n")),
                row("16", "predict with an --input whose row has too few fields",
                        "predict --model {model} --input {data}/short.csv --output {data}/o.csv",
                        "{data}/short.csv|line 3|fields", "",
                        data -> Files.writeString(data.resolve("short.csv"), "Id,LotArea\n1,8450\n2\n")),
                row("16", "a job name that exists with another spec",
                        "train --quick --no-logs --home {trained} --job-name " + TRAINED_JOB + " --hyperparameter max_depth=3",
                        TRAINED_JOB + "|already exists|choose another job name|nothing was uploaded", ""),
                row("16", "train with a --home that is a file", "train --quick --no-logs --home {data}/f",
                        "--home|{data}/f|is a file", "",
                        data -> Files.writeString(data.resolve("f"), "a file")),
                row("16", "describe with a --home that is a file", "describe --home {data}/f some-job",
                        "--home|{data}/f|is a file", "state.json|Not a directory",
                        data -> Files.writeString(data.resolve("f"), "a file")),
                row("16", "describe a job whose folder was deleted (its model is still in --home)",
                        "describe --home {data}/h gone-job", ErrorReporter.EXIT_ERROR,
                        "gone-job|was deleted|predict --model {data}/h/models/gone-job/model", "check the name",
                        data -> {
                            Files.createDirectories(data.resolve("h/jobs"));
                            Files.createDirectories(data.resolve("h/models/gone-job/model"));
                            Files.writeString(data.resolve("h/models/gone-job/model/xgboost-model.json"), "{}");
                        })
        ).filter(m -> !m.args().contains("sagemaker") || !m.what().contains("no region") || noRegionConfigured());
    }

    /** Whether no AWS region can be found here (the no-region row would otherwise go on to AWS). */
    private static boolean noRegionConfigured() {
        return System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null
                && System.getenv("DRYDOCK_REGION") == null
                && !Files.exists(Path.of(System.getProperty("user.home"), ".aws", "config"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void mistake_isRefusedWithItsFixAndChangesNothing(Mistake m, @TempDir Path scratch) throws IOException {
        Path home = scratch.resolve("home");
        Path data = Files.createDirectories(scratch.resolve("data"));
        Files.createDirectories(home);
        Files.writeString(home.resolve("keep.txt"), "the user's file");
        m.setup().prepare(data);
        List<String> before = listing(scratch);
        List<String> trainedBefore = listing(trainedHome);

        ConsoleCapture r = ConsoleCapture.run(m.args().stream().map(a -> expand(a, home, data)).toArray(String[]::new));

        assertThat(r.exitCode).as("exit code; stderr: %s", r.err).isEqualTo(m.exitCode());
        List<String> lines = r.err.lines().filter(l -> l.startsWith("drydock: ")).toList();
        assertThat(lines).as("one 'drydock:' line in %s", r.err).hasSize(1);
        for (String fragment : m.says()) {
            assertThat(r.err).as("stderr names %s", fragment).contains(expand(fragment, home, data));
        }
        for (String fragment : m.neverSays()) {
            assertThat(r.err).as("stderr must not say %s", fragment).doesNotContain(expand(fragment, home, data));
        }
        assertThat(r.err).as("no stack trace without --verbose").doesNotContain("\tat ");
        assertThat(listing(scratch)).as("the refusal wrote or removed nothing").isEqualTo(before);
        assertThat(listing(trainedHome)).as("nothing changed in the trained home").isEqualTo(trainedBefore);
    }

    private static String expand(String text, Path home, Path data) {
        return text.replace("{home}", home.toString()).replace("{data}", data.toString())
                .replace("{trained}", trainedHome.toString())
                .replace("{model}", model.toString());
    }

    private static List<String> listing(Path root) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.forEach(p -> all.add(root.relativize(p) + (Files.isRegularFile(p) ? " " + size(p) : "/")));
        }
        all.sort(null);
        return all;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
