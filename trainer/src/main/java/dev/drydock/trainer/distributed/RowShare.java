package dev.drydock.trainer.distributed;

/**
 * Which rows of a table every host holds when each has all of them (a {@code FullyReplicated} channel) and the fits
 * are spread by rows: row {@code i} belongs to the host of rank {@code i mod hosts}. Deterministic, balanced to within
 * one row, and independent of anything but the row count and the number of hosts.
 */
public final class RowShare {
    private RowShare() {
    }

    /**
     * @param rows the table's row count
     * @param rank a host's rank, 0 .. hosts - 1
     * @param hosts the number of hosts
     * @return that host's rows, ascending
     */
    public static int[] of(int rows, int rank, int hosts) {
        if (hosts < 1 || rank < 0 || rank >= hosts) {
            throw new IllegalArgumentException("rank " + rank + " must be in [0, " + hosts + ")");
        }
        int count = rows / hosts + (rank < rows % hosts ? 1 : 0);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = rank + i * hosts;
        }
        return out;
    }

    /**
     * The rows of a host when each host has its own rows (a {@code ShardedByS3Key} channel), numbered over the job:
     * the hosts' rows one after the other in rank order.
     *
     * @param counts every host's row count, by rank
     * @param rank this host's rank
     * @return this host's rows as job-wide indices
     */
    public static int[] consecutive(int[] counts, int rank) {
        int offset = 0;
        for (int r = 0; r < rank; r++) {
            offset += counts[r];
        }
        int[] out = new int[counts[rank]];
        for (int i = 0; i < out.length; i++) {
            out[i] = offset + i;
        }
        return out;
    }
}
