package dev.drydock.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's help and its one-line errors for the mistakes a new user makes. */
class DrydockCliTest {
    @TempDir
    Path home;

    @Test
    void help_whenAsked_listsEveryCommand() {
        ConsoleCapture r = ConsoleCapture.run("--help");

        assertThat(r.exitCode).isZero();
        assertThat(r.out).contains("train", "describe", "logs", "stop", "jobs", "predict");
    }

    @Test
    void trainHelp_whenAsked_explainsEveryOption() {
        ConsoleCapture r = ConsoleCapture.run("train", "--help");

        assertThat(r.exitCode).isZero();
        assertThat(r.out).contains("--backend", "--docker", "--data", "--quick", "--strategy", "--max-trials",
                "--hyperparameter", "--image", "--timeout", "--home", "--region", "--bucket", "--role", "--verbose");
    }

    @Test
    void train_whenDataFolderLacksFiles_printsOneLineNamingThePathAndTheFix() {
        ConsoleCapture r = ConsoleCapture.run("train", "--home", home.toString(), "--data", home.resolve("nowhere").toString());

        assertThat(r.exitCode).isEqualTo(ErrorReporter.EXIT_BAD_INPUT);
        assertThat(r.err).contains("nowhere/train.csv").contains("--data").doesNotContain("\tat ");
        assertThat(r.err.lines().filter(l -> l.startsWith("drydock: "))).hasSize(1);
    }

    @Test
    void train_whenVerbose_printsTheStackTrace() {
        ConsoleCapture r = ConsoleCapture.run("train", "--verbose", "--home", home.toString(), "--data", home.resolve("nowhere").toString());

        assertThat(r.exitCode).isEqualTo(ErrorReporter.EXIT_BAD_INPUT);
        assertThat(r.err).contains("\tat ");
    }

    @Test
    void describe_whenJobUnknown_saysSoWithTheFix() {
        ConsoleCapture r = ConsoleCapture.run("describe", "--home", home.toString(), "no-such-job");

        assertThat(r.exitCode).isEqualTo(ErrorReporter.EXIT_BAD_INPUT);
        assertThat(r.err).contains("no-such-job").contains("not found");
    }

    @Test
    void train_whenSageMakerWithoutBucket_namesTheOptionToSet() {
        ConsoleCapture r = ConsoleCapture.run("train", "--backend", "sagemaker", "--home", home.toString(), "--bucket", "");

        assertThat(r.exitCode).isEqualTo(ErrorReporter.EXIT_BAD_INPUT);
        assertThat(r.err).contains("--bucket").contains("DRYDOCK_BUCKET");
    }

    @Test
    void train_whenNoDockerDaemon_saysHowToStartOne() {
        ConsoleCapture r = ConsoleCapture.run("train", "--docker", "--docker-host", "unix://" + home.resolve("no-daemon.sock"),
                "--home", home.toString(), "--quick");

        assertThat(r.exitCode).isNotZero();
        assertThat(r.err).contains("Docker").contains("no-daemon.sock").doesNotContain("\tat ");
        assertThat(r.err.lines().filter(l -> l.startsWith("drydock: "))).hasSize(1);
    }

    @Test
    void train_whenMemoryLimitWithoutDocker_saysToAddDocker() {
        ConsoleCapture r = ConsoleCapture.run("train", "--memory", "2g", "--home", home.toString(), "--quick");

        assertThat(r.exitCode).isEqualTo(ErrorReporter.EXIT_BAD_INPUT);
        assertThat(r.err).contains("--memory \"2g\" is not a setting of the process backend")
                .contains("only the docker backend takes it");
    }

    @Test
    void train_whenBackendUnknown_listsTheChoices() {
        ConsoleCapture r = ConsoleCapture.run("train", "--backend", "kubernetes");

        assertThat(r.exitCode).isNotZero();
        assertThat(r.exitCode).isEqualTo(ErrorReporter.EXIT_BAD_INPUT);
        assertThat(r.err).contains("no backend named \"kubernetes\"").contains("docker (").contains("process (")
                .contains("sagemaker (").contains("META-INF/services");
    }

    @Test
    void oneLine_whenTrainerImageMissing_namesTheBuildScript() {
        var missing = new dev.drydock.core.error.ImageNotFoundException("drydock/trainer:latest", "image drydock/trainer:latest was not found");

        assertThat(ErrorReporter.oneLine(missing)).contains("trainer/docker/build-image.sh");
        assertThat(ErrorReporter.exitCode(missing)).isEqualTo(ErrorReporter.EXIT_BAD_INPUT);
    }

    @Test
    void predict_whenModelMissing_saysWhichPath() {
        ConsoleCapture r = ConsoleCapture.run("predict", "--model", home.resolve("missing-model").toString(),
                "--input", home.resolve("test.csv").toString());

        assertThat(r.exitCode).isNotZero();
        assertThat(r.err).contains("missing-model").doesNotContain("\tat ");
    }

    @Test
    void train_whenTimeoutMalformed_namesTheOptionAndTheForms() {
        ConsoleCapture r = ConsoleCapture.run("train", "--home", home.toString(), "--timeout", "10 minutes");

        assertThat(r.exitCode).isEqualTo(ErrorReporter.EXIT_BAD_INPUT);
        assertThat(r.err).contains("--timeout").contains("\"10 minutes\" is not a duration").contains("10m")
                .doesNotContain("java.time.Duration");
        ConsoleCapture negative = ConsoleCapture.run("train", "--home", home.toString(), "--timeout", "PT-5M");
        assertThat(negative.err).contains("\"PT-5M\" must be positive").doesNotContain("maxRuntime");
    }

    @Test
    void train_whenHyperparameterMisspelt_refusesBeforeAnyJobOrUpload() {
        ConsoleCapture r = ConsoleCapture.run("train", "--home", home.toString(), "--quick", "--hyperparameter", "max_dept=3");

        assertThat(r.exitCode).isEqualTo(ErrorReporter.EXIT_BAD_INPUT);
        assertThat(r.err).contains("--hyperparameter").contains("max_dept").doesNotContain("--verbose")
                .contains("--hyperparameter \"max_dept=3\"").contains("did you mean max_depth?")
                // the value is what the user typed, not the command's own defaults (strategy, the quick search)
                .doesNotContain("strategy=");
        assertThat(home.resolve("jobs")).doesNotExist();
        assertThat(home.resolve("storage")).doesNotExist();
    }

    @Test
    void train_whenOutIsAFile_refusesBeforeTraining() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(home.resolve("out.txt"), "x");
        ConsoleCapture r = ConsoleCapture.run("train", "--home", home.resolve("h").toString(), "--quick", "--out", file.toString());

        assertThat(r.exitCode).isEqualTo(ErrorReporter.EXIT_BAD_INPUT);
        assertThat(r.err).contains("--out").contains("is a file, not a folder");
        assertThat(home.resolve("h/jobs")).doesNotExist();
    }

    @Test
    void exitCode_whenJobNameTaken_isBadInput() {
        assertThat(ErrorReporter.exitCode(new dev.drydock.core.error.JobAlreadyExistsException("x"))).isEqualTo(ErrorReporter.EXIT_BAD_INPUT);
    }

    @Test
    void jobs_whenMaxNegative_refusesNamingTheOption() {
        ConsoleCapture r = ConsoleCapture.run("jobs", "--home", home.toString(), "--max=-1");

        assertThat(r.exitCode).isEqualTo(ErrorReporter.EXIT_BAD_INPUT);
        assertThat(r.err).contains("--max", "-1", "at least 1");
    }

    @Test
    void jobsAndDescribe_whenHomeMistyped_createNoFolder() {
        Path typo = home.resolve("hoem");

        ConsoleCapture jobs = ConsoleCapture.run("jobs", "--home", typo.toString());
        ConsoleCapture describe = ConsoleCapture.run("describe", "--home", typo.toString(), "some-job");
        ConsoleCapture dockerJobs = ConsoleCapture.run("jobs", "--docker", "--home", typo.toString());

        assertThat(jobs.exitCode).isZero();
        assertThat(describe.exitCode).isEqualTo(ErrorReporter.EXIT_BAD_INPUT);
        assertThat(dockerJobs.exitCode).isZero();
        assertThat(typo).doesNotExist();
    }
}
