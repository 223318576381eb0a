package dev.drydock.trainer.distributed;

import dev.drydock.contract.TrainingException;
import java.util.Locale;

/**
 * How a job of several hosts shares its work, the hyperparameter {@value #HYPERPARAMETER}.
 *
 * <ul>
 *   <li>{@link #ROWS} (data parallel, for big data): every fit is one fit over the rows of every host, through
 *       XGBoost's collective; each host holds its share of the rows.</li>
 *   <li>{@link #TRIALS} (search parallel, for small data and big searches): each host cross-validates its share of
 *       the configurations on all rows; the hosts combine their scores after each batch, so every halving rung and
 *       the final choice see every trial; the leader fits the final model.</li>
 *   <li>{@link #AUTO}, the default: {@code rows} when the training channel is {@code ShardedByS3Key} (each host has
 *       only its files, so it cannot score a configuration on all rows), {@code trials} otherwise.</li>
 * </ul>
 */
public enum Distribution {
    /** Data parallel. */
    ROWS,
    /** Search parallel. */
    TRIALS,
    /** Rows for a sharded training channel, trials otherwise. */
    AUTO;

    /** The hyperparameter that chooses. */
    public static final String HYPERPARAMETER = "distribution";

    /**
     * @param value {@code rows}, {@code trials} or {@code auto}, any case
     * @return the mode
     * @throws TrainingException naming the accepted values
     */
    public static Distribution parse(String value) {
        for (Distribution d : values()) {
            if (d.name().equalsIgnoreCase(value.trim())) {
                return d;
            }
        }
        throw new TrainingException(HYPERPARAMETER + "=\"" + value + "\" is not a distribution mode; use rows (every fit"
                + " spread over the hosts' rows), trials (the configurations spread over the hosts) or auto (the default)");
    }

    /**
     * @param shardedTraining whether the training channel is {@code ShardedByS3Key}
     * @return {@link #ROWS} or {@link #TRIALS}
     * @throws TrainingException when {@code trials} was asked for a sharded channel
     */
    public Distribution resolve(boolean shardedTraining) {
        if (this == AUTO) {
            return shardedTraining ? ROWS : TRIALS;
        }
        if (this == TRIALS && shardedTraining) {
            throw new TrainingException(HYPERPARAMETER + "=trials needs every row on every host, but the training channel"
                    + " is ShardedByS3Key (each host gets only its files): use distribution=rows, or make the channel"
                    + " FullyReplicated");
        }
        return this;
    }

    /** @return the hyperparameter's value for this mode */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
