package dev.drydock.contractkit;

import dev.drydock.contract.MetricLine;
import dev.drydock.trainer.Main;
import java.time.Duration;
import java.util.Map;

/** drydock's own trainer, run as a child process, passes the container contract kit. */
class DrydockTrainerContractTest extends ContainerContractKit {
    /** Quick: two random trials of two folds with 50 trees. */
    static final Map<String, String> QUICK = Map.of("strategy", "random", "max_trials", "2", "folds", "2",
            "n_estimators", "[50]");

    @Override
    protected TrainerUnderTest trainer() {
        return TrainerUnderTest.command(KitPrograms.java(Main.class))
                .channel("training", KitPrograms.houseChannel())
                .hyperparameters(QUICK)
                .badHyperparameters(Map.of("max_depth", "[3,four]"))
                .longRun(Map.of("strategy", "random", "max_trials", "5000", "folds", "2", "n_estimators", "[50]"),
                        "progress trial=")
                .metric("cv_rmsle", MetricLine.regexFor("cv_rmsle"))
                .metric("holdout_rmsle", MetricLine.regexFor("holdout_rmsle"))
                .grace(Duration.ofSeconds(30))
                .timeout(Duration.ofMinutes(3))
                .build();
    }
}
