package dev.drydock.examples.cli;

import java.util.Map;

/** The CI-sized search of {@code --quick}: small enough to finish in about a minute on two cores. */
final class QuickSearch {
    static final Map<String, String> HYPERPARAMETERS = Map.of(
            "folds", "3",
            "max_trials", "6",
            "n_estimators", "[300]",
            "learning_rate", "[0.1]",
            "max_depth", "[3,4]",
            "min_child_weight", "[1,5]",
            "subsample", "[0.8]",
            "colsample_bytree", "[0.6]",
            "gamma", "[0]");

    private QuickSearch() {
    }
}
