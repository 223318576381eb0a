package dev.drydock.core.tuning;

import java.util.List;
import java.util.Optional;

/** Whether a tuning job's completion criteria are met by its ended trials, in the order they ended. */
final class CompletionCheck {
    private CompletionCheck() {
    }

    /** The criterion met ({@code TargetObjectiveReached}, {@code BestObjectiveNotImproving}, {@code ConvergenceDetected}). */
    static Optional<String> met(TuningJobSpec spec, List<TrialSummary> ended) {
        CompletionCriteria criteria = spec.completion();
        ObjectiveType type = spec.objective().type();
        List<Double> losses = ended.stream().filter(t -> t.objective() != null && !t.objective().isNaN())
                .sorted(java.util.Comparator.comparing(TrialSummary::ended, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .map(t -> type.asLoss(t.objective())).toList();
        if (losses.isEmpty()) {
            return Optional.empty();
        }
        double best = losses.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        if (criteria.targetObjectiveValue() != null && best <= type.asLoss(criteria.targetObjectiveValue())) {
            return Optional.of("TargetObjectiveReached");
        }
        Integer notImproving = criteria.maxJobsNotImproving();
        if (notImproving != null && trialsSinceBest(losses) >= notImproving) {
            return Optional.of("BestObjectiveNotImproving");
        }
        if (criteria.completeOnConvergence() && losses.size() > CompletionCriteria.CONVERGENCE_WINDOW) {
            int cut = losses.size() - CompletionCriteria.CONVERGENCE_WINDOW;
            double before = losses.subList(0, cut).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            if (before - best <= CompletionCriteria.CONVERGENCE_TOLERANCE * Math.max(Math.abs(before), 1e-12)) {
                return Optional.of("ConvergenceDetected");
            }
        }
        return Optional.empty();
    }

    /** How many trials ended after the one that set the best so far. */
    private static int trialsSinceBest(List<Double> losses) {
        int bestIndex = 0;
        for (int i = 1; i < losses.size(); i++) {
            if (losses.get(i) < losses.get(bestIndex)) {
                bestIndex = i;
            }
        }
        return losses.size() - 1 - bestIndex;
    }
}
