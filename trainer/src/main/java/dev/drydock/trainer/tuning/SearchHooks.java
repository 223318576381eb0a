package dev.drydock.trainer.tuning;

/**
 * What a search on several hosts changes in a {@link Tuner}; {@link #SINGLE_HOST}, the default, changes nothing.
 *
 * <p>The search hands out its fits in batches (every configuration group of a grid or random search; every
 * configuration of one halving rung). A host fits the tasks it {@linkplain #owns owns}, then the hosts
 * {@linkplain #combine combine} their results so that every host knows every task's result before the next rung and
 * the final choice. Every host calls these in the same order with the same arguments.
 */
public interface SearchHooks {
    /** One host: every task is this host's, nothing to combine, folds over the rows as they are. */
    SearchHooks SINGLE_HOST = new SearchHooks() {
    };

    /**
     * @param task a task's index in its batch
     * @param tasks the batch's size
     * @return whether this host fits the task
     */
    default boolean owns(int task, int tasks) {
        return true;
    }

    /**
     * Combines a batch's results over the hosts. Called on the thread that called {@link Tuner#tune}.
     *
     * @param results one row per task, all of {@code width} values; {@code null} for a task this host did not fit
     * @param width the number of values per task
     * @return every task's row, {@code null} for a task no host fitted
     */
    default double[][] combine(double[][] results, int width) {
        return results;
    }

    /**
     * @param rows the training rows this host holds
     * @param k the number of folds
     * @param seed the seed
     * @return the fold of each of those rows
     */
    default Folds folds(int rows, int k, long seed) {
        return Folds.split(rows, k, seed);
    }

    /**
     * Whether every fit runs on the thread that called {@link Tuner#tune}, one at a time: a distributed fit must,
     * since XGBoost's communicator belongs to the thread that joined it.
     */
    default boolean fitsOnCallingThread() {
        return false;
    }
}
