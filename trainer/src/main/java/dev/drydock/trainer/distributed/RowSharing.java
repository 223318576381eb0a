package dev.drydock.trainer.distributed;

import dev.drydock.trainer.tuning.Folds;
import dev.drydock.trainer.tuning.SearchHooks;

/**
 * The {@code rows} mode: every fit is one distributed fit on the thread that joined the collective; the folds are
 * the job's folds (over all rows of every host) restricted to this host's rows, so fold {@code f} means the same rows
 * whatever the number of hosts.
 */
final class RowSharing implements SearchHooks {
    private final Folds jobFolds;
    private final int[] myRows;

    /**
     * @param jobFolds the folds of every row of the job
     * @param myRows this host's rows as job-wide indices, in the order of its dataset
     */
    RowSharing(Folds jobFolds, int[] myRows) {
        this.jobFolds = jobFolds;
        this.myRows = myRows.clone();
    }

    @Override
    public Folds folds(int rows, int k, long seed) {
        if (rows != myRows.length) {
            throw new IllegalStateException("the tuner has " + rows + " rows, this host's share is " + myRows.length);
        }
        return jobFolds.subset(myRows);
    }

    @Override
    public boolean fitsOnCallingThread() {
        return true;
    }
}
