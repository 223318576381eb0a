package dev.drydock.contractkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.contract.MetricLine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check of the kit fails on a program with the matching flaw, saying what to change; none fails on an honest one. */
class BrokenProgramTest {
    @TempDir
    Path work;

    private ContractChecks checks(String flaw, String lossRegex) {
        TrainerUnderTest trainer = TrainerUnderTest.command(KitPrograms.java(BrokenTrainer.class, flaw))
                .channel("training", KitPrograms.smallChannel(2))
                .hyperparameters(Map.of("steps", "3"))
                .badHyperparameters(Map.of("steps", "three"))
                .longRun(Map.of("steps", "100000"), "step=2")
                .metric("loss", lossRegex)
                .grace(Duration.ofSeconds(3))
                .timeout(Duration.ofSeconds(60))
                .build();
        return new ContractChecks(trainer, work);
    }

    private ContractChecks checks(String flaw) {
        return checks(flaw, MetricLine.regexFor("loss"));
    }

    @Test
    void honestProgram_passesEveryCheck() {
        ContractChecks checks = checks("none");

        checks.completesWhenStartedAsTrain();
        checks.writesTheModel();
        checks.failsOnBadInputWithAFailureFile();
        for (String file : ContractChecks.CONFIG_FILES) {
            assertThat(checks.readsConfigFile(file)).isTrue();
        }
        checks.savesAndExitsOnSigterm();
        checks.metricRegexesMatchOncePerValue();
    }

    @Test
    void exitOne_failsTheExitCodeCheck() {
        assertThatThrownBy(() -> checks("exit-one").completesWhenStartedAsTrain())
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("the job ended FAILED").hasMessageContaining("exit 0 after training");
    }

    @Test
    void noModel_failsTheModelCheck() {
        assertThatThrownBy(() -> checks("no-model").writesTheModel())
                .hasMessageContaining("/opt/ml/model was empty").hasMessageContaining("TrainingEnvironment.modelDir()");
    }

    @Test
    void acceptsAnything_failsTheBadInputCheck() {
        assertThatThrownBy(() -> checks("accepts-anything").failsOnBadInputWithAFailureFile())
                .hasMessageContaining("the program exited 0").hasMessageContaining("exit non-zero");
    }

    @Test
    void noFailureFile_failsTheFailureFileCheck() {
        assertThatThrownBy(() -> checks("no-failure-file").failsOnBadInputWithAFailureFile())
                .hasMessageContaining("failure file").hasMessageContaining("FailureFile.write");
    }

    @Test
    void ignoresConfig_failsTheConfigFileChecks() {
        ContractChecks checks = checks("ignores-config");

        for (String file : ContractChecks.CONFIG_FILES) {
            assertThatThrownBy(() -> checks.readsConfigFile(file))
                    .hasMessageContaining(file + " was not JSON, so it never reads that file");
        }
    }

    @Test
    void ignoresSigterm_failsTheSigtermCheck() {
        assertThatThrownBy(() -> checks("ignores-sigterm").savesAndExitsOnSigterm())
                .hasMessageContaining("still running 3 s after SIGTERM").hasMessageContaining("Handle SIGTERM");
    }

    @Test
    void exitsOnSigtermWithoutSaving_failsTheSigtermCheck() {
        assertThatThrownBy(() -> checks("exits-on-sigterm").savesAndExitsOnSigterm())
                .hasMessageContaining("saved nothing into /opt/ml/model");
    }

    @Test
    void unanchoredMetricRegex_failsTheMetricCheck() {
        assertThatThrownBy(() -> checks("double-metric", "loss=([0-9.]+)").metricRegexesMatchOncePerValue())
                .hasMessageContaining("from more than one kind of line")
                .hasMessageContaining("MetricLine.regexFor(\"loss\")");
    }

    @Test
    void regexMatchingNothing_failsTheMetricCheck() {
        assertThatThrownBy(() -> checks("none", "^accuracy=([0-9.]+)$").metricRegexesMatchOncePerValue())
                .hasMessageContaining("matched no log line");
    }
}
