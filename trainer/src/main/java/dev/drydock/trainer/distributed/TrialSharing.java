package dev.drydock.trainer.distributed;

import dev.drydock.trainer.tuning.SearchHooks;

/**
 * The {@code trials} mode: a batch's task {@code t} is fitted by the host of rank {@code t mod hosts}, on all rows
 * and with this host's threads; after the batch every host gathers every task's result, exactly, so the next rung and
 * the final choice are the same on every host and the same as on one host.
 */
final class TrialSharing implements SearchHooks {
    private final Collective collective;

    TrialSharing(Collective collective) {
        this.collective = collective;
    }

    @Override
    public boolean owns(int task, int tasks) {
        return task % collective.cluster().size() == collective.cluster().rank();
    }

    @Override
    public double[][] combine(double[][] results, int width) {
        int tasks = results.length;
        double[] mine = new double[tasks * width];
        for (int t = 0; t < tasks; t++) {
            if (results[t] != null) {
                System.arraycopy(results[t], 0, mine, t * width, width);
            }
        }
        double[][] byHost = collective.allGather(mine, "combining the scores of " + tasks + " configurations");
        int hosts = collective.cluster().size();
        double[][] out = new double[tasks][];
        for (int t = 0; t < tasks; t++) {
            out[t] = new double[width];
            System.arraycopy(byHost[t % hosts], t * width, out[t], 0, width);
        }
        return out;
    }
}
