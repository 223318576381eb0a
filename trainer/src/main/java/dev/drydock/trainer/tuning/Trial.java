package dev.drydock.trainer.tuning;

/**
 * One scored configuration.
 *
 * @param number the trial's number, from 1, in a fixed (seed-determined) order
 * @param params the configuration, {@code n_estimators} being the round count scored
 * @param cvScore the mean validation metric over the folds (the job's {@link FoldScore}: RMSLE by default)
 * @param rung the halving rung (0 for grid and random)
 * @param seconds the wall time of the fit that scored it (shared by trials scored from one fit)
 * @param elapsedSeconds the seconds since tuning began when it was scored
 */
public record Trial(int number, ParamSet params, double cvScore, int rung, double seconds, double elapsedSeconds) {
}
