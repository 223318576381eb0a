package dev.drydock.testkit;

import dev.drydock.core.model.TrainingJobSpec;

/**
 * What the training container does in a {@link TrainingBackendContractTest} scenario. {@link ScriptedContainer}
 * performs each one, selected by the hyperparameter {@value ScriptedContainer#BEHAVIOUR_HYPERPARAMETER} (or the
 * environment variable {@value ScriptedContainer#BEHAVIOUR_ENV}) set to {@link #wireName()}.
 */
public enum ContainerBehaviour {
    /**
     * Logs {@link ScriptedContainer#SUCCESS_LINES} (with the metric line), writes {@code /opt/ml/model/model.txt} and
     * {@code /opt/ml/output/data/summary.txt}, exits 0.
     */
    SUCCEED("succeed"),
    /** Writes {@link ScriptedContainer#FAILURE_TEXT} (longer than 1024 characters) to the failure file, exits 1. */
    FAIL_WITH_REASON("fail"),
    /** Exits with {@link ScriptedContainer#NON_ZERO_EXIT_CODE} without writing a failure file. */
    EXIT_NON_ZERO("exit-non-zero"),
    /**
     * Writes a partial model ({@link ScriptedContainer#PARTIAL_MODEL_FILE}), logs {@link ScriptedContainer#SLEEPING_LINE},
     * sleeps until stopped; exits 143 on SIGTERM.
     */
    SLEEP_UNTIL_STOPPED("sleep"),
    /** Like {@link #SLEEP_UNTIL_STOPPED} (the same partial model) but ignores SIGTERM, so only SIGKILL ends it. */
    IGNORE_SIGTERM("ignore-sigterm"),
    /**
     * Does what {@link #SUCCEED} does when {@code /opt/ml/checkpoints} holds this host's
     * {@link ScriptedContainer#CHECKPOINT_RUNS_FILE}; otherwise writes it (a count of 1) and then does what
     * {@link #SLEEP_UNTIL_STOPPED} does. A job interrupted and restarted on its checkpoints therefore completes.
     */
    RESUME_FROM_CHECKPOINT("resume");

    private final String wireName;

    ContainerBehaviour(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the {@code behaviour} hyperparameter that selects this behaviour. */
    public String wireName() {
        return wireName;
    }

    /** Sets the {@code behaviour} hyperparameter on {@code spec} and returns it. */
    public TrainingJobSpec.Builder applyTo(TrainingJobSpec.Builder spec) {
        return spec.hyperparameter(ScriptedContainer.BEHAVIOUR_HYPERPARAMETER, wireName);
    }

    /** The behaviour whose {@link #wireName()} is {@code name}. */
    public static ContainerBehaviour fromWireName(String name) {
        for (ContainerBehaviour b : values()) {
            if (b.wireName.equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown behaviour \"" + name + "\"; expected one of succeed, fail,"
                + " exit-non-zero, sleep, ignore-sigterm, resume");
    }
}
