package dev.drydock.trainer.output;

import dev.drydock.trainer.objective.Predictions;
import dev.drydock.trainer.objective.Task;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the report shows of the model beside the search: the shipped model's feature importance and the hold-out's
 * predictions (residuals for a regression, the ROC curve and confusion matrix for a classifier).
 *
 * @param task what the model learns (its kind, metric and classes)
 * @param gainImportance each feature's importance as XGBoost's average gain of its splits (features never split on
 *     are absent)
 * @param holdout the hold-out's true values and predictions, if there was a hold-out
 */
public record ModelReport(Task task, Map<String, Double> gainImportance, Optional<Predictions> holdout) {
    /** Copies. */
    public ModelReport {
        Objects.requireNonNull(task, "task");
        gainImportance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(gainImportance));
        Objects.requireNonNull(holdout, "holdout");
    }
}
