package dev.drydock.contract;

/** A training program run by {@link ContainerRunner}. */
@FunctionalInterface
public interface TrainingProgram {
    /**
     * Trains and writes the model into {@link TrainingEnvironment#modelDir()}.
     *
     * @param environment the {@code /opt/ml} tree
     * @param stop set when the platform asks the job to stop; save what can be saved and return
     * @throws Exception any failure; a {@link TrainingException}'s message becomes the FailureReason
     */
    void train(TrainingEnvironment environment, StopSignal stop) throws Exception;
}
