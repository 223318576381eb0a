package dev.drydock.core.tuning;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoppingRulesTest {
    private static final List<List<Double>> EARLIER = List.of(List.of(1.0, 0.8, 0.6), List.of(1.1, 0.9, 0.7),
            List.of(0.9, 0.7, 0.5));

    @Test
    void medianRule_stopsATrialClearlyWorseThanTheMedianAtTheSamePoint() {
        assertThat(StoppingRules.medianRuleStops(List.of(3.0, 2.9), EARLIER)).isTrue();
    }

    @Test
    void medianRule_keepsATrialAsGoodAsTheOthers() {
        assertThat(StoppingRules.medianRuleStops(List.of(0.95, 0.75), EARLIER)).isFalse();
    }

    @Test
    void medianRule_waitsForThreeEarlierTrialsThatGotAsFar() {
        assertThat(StoppingRules.medianRuleStops(List.of(3.0, 2.9), EARLIER.subList(0, 2))).isFalse();
        assertThat(StoppingRules.medianRuleStops(List.of(3.0, 2.9, 2.8, 2.7), EARLIER)).isFalse();
    }

    @Test
    void successiveHalving_stopsAtARungUnlessInTheBestThird() {
        HyperbandConfig config = new HyperbandConfig(1, 9);
        List<List<Double>> others = List.of(List.of(0.5), List.of(0.6), List.of(0.7), List.of(0.8), List.of(0.9));
        assertThat(StoppingRules.successiveHalvingStops(config, List.of(0.95), others)).isTrue();
        assertThat(StoppingRules.successiveHalvingStops(config, List.of(0.4), others)).isFalse();
        // between rungs (1, 3, 9) nothing is decided
        assertThat(StoppingRules.successiveHalvingStops(config, List.of(0.95, 0.95), others)).isFalse();
    }

    @Test
    void completion_targetReached_andNotImproving() {
        TuningJobSpec spec = TuningJobSpecTest.valid().completion(CompletionCriteria.none().withTarget(0.2)
                .withMaxJobsNotImproving(3)).build();
        assertThat(CompletionCheck.met(spec, trials(0.5, 0.4))).isEmpty();
        assertThat(CompletionCheck.met(spec, trials(0.5, 0.19))).contains("TargetObjectiveReached");
        assertThat(CompletionCheck.met(spec, trials(0.3, 0.4, 0.5, 0.6))).contains("BestObjectiveNotImproving");
    }

    @Test
    void completion_convergence_whenTheLastTenDidNotImprove() {
        TuningJobSpec spec = TuningJobSpecTest.valid().maxTrainingJobs(30)
                .completion(CompletionCriteria.none().withCompleteOnConvergence(true)).build();
        double[] improving = new double[12];
        double[] flat = new double[12];
        for (int i = 0; i < 12; i++) {
            improving[i] = 1.0 / (i + 1);
            flat[i] = i == 0 ? 0.3 : 0.3 + i * 0.01;
        }
        assertThat(CompletionCheck.met(spec, trials(improving))).isEmpty();
        assertThat(CompletionCheck.met(spec, trials(flat))).contains("ConvergenceDetected");
    }

    static List<TrialSummary> trials(double... objectives) {
        TuningJobName name = TuningJobName.of("t");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        java.util.ArrayList<TrialSummary> list = new java.util.ArrayList<>();
        for (int i = 0; i < objectives.length; i++) {
            list.add(new TrialSummary(name.trialName(i + 1, "x"), Map.of(), dev.drydock.core.model.JobState.COMPLETED,
                    objectives[i], List.of(), false, start, start.plusSeconds(i + 1), null));
        }
        return list;
    }
}
