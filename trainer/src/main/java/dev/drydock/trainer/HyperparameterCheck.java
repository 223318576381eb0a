package dev.drydock.trainer;

import dev.drydock.contract.Hyperparameters;
import dev.drydock.contract.TrainingException;

import java.util.Map;
import java.util.Optional;

/**
 * The trainer's own hyperparameter rules, for a program that submits jobs to it (the drydock CLI) to check before
 * anything is uploaded or started: the same rules the trainer applies when the job starts, from the same jar.
 */
public final class HyperparameterCheck {
    private HyperparameterCheck() {
    }

    /**
     * What is wrong with {@code hyperparameters} for this trainer, in the words the job would fail with, or empty when
     * it would accept them.
     */
    public static Optional<String> problem(Map<String, String> hyperparameters) {
        try {
            TrainerConfig.from(Hyperparameters.of(hyperparameters));
            return Optional.empty();
        } catch (TrainingException e) {
            return Optional.of(e.getMessage());
        }
    }
}
